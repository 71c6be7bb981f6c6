package horde.scenario.yaml;

import horde.scenario.FeederSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code feeders}: {@code name: data/file.csv} or {@code name: {file, order, format}}. The
 * file must exist (relative paths resolve against the scenario's folder) but is not read here.
 */
final class FeederReader {
  static final Set<String> KEYS = Set.of("file", "order", "format");
  static final List<String> ORDERS = List.of("sequential", "random", "unique");
  static final List<String> FORMATS = List.of("csv", "jsonl");

  private final Problems p;
  private final Path baseDir;

  FeederReader(Problems problems, Path baseDir) {
    this.p = problems;
    this.baseDir = baseDir;
  }

  Map<String, FeederSpec> read(Node node) {
    Map<String, FeederSpec> out = new LinkedHashMap<>();
    if (node == null) return out;
    if (!(node instanceof MappingNode m)) {
      Values.expected(p, node, "feeders", "a mapping of feeder names to files");
      return out;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || out.containsKey(key.getValue())) continue;
      boolean named = Names.variable(p, key, "feeder");
      FeederSpec spec = feeder(key, t.getValueNode());
      if (named && spec != null) out.put(key.getValue(), spec);
    }
    return out;
  }

  private FeederSpec feeder(ScalarNode key, Node value) {
    String name = key.getValue();
    if (Nodes.isValue(value)) return spec(name, value, null, null, key);
    Fields f =
        Fields.of(p, value, name, "a file path, or a mapping with file, order and format", KEYS);
    if (f == null) return null;
    if (!f.has("file")) {
      p.add(f.node(), "feeder '" + name + "' needs a file: its path, like data/" + name + ".csv");
      return null;
    }
    FeederSpec.Order order =
        f.has("order")
            ? Values.choice(p, f.get("order"), "order", ORDERS, FeederSpec.Order.class)
            : null;
    FeederSpec.Format format =
        f.has("format")
            ? Values.choice(p, f.get("format"), "format", FORMATS, FeederSpec.Format.class)
            : null;
    return spec(name, f.get("file"), order, format, key);
  }

  private FeederSpec spec(
      String name, Node fileNode, FeederSpec.Order order, FeederSpec.Format format, Node key) {
    String file = Values.nonEmpty(p, fileNode, "file", "a file path like data/" + name + ".csv");
    if (file == null) return null;
    Path resolved;
    try {
      resolved = baseDir.resolve(file.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      p.add(fileNode, "file: '" + file + "' is not a valid path");
      return null;
    }
    if (!Files.isRegularFile(resolved)) {
      p.add(
          fileNode,
          "file: "
              + resolved
              + " does not exist"
              + (Files.isDirectory(resolved) ? " as a file (it is a folder)" : ""));
      return null;
    }
    return p.build(key, () -> new FeederSpec(name, resolved.toString(), order, format, p.at(key)));
  }
}
