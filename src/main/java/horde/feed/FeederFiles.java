package horde.feed;

import horde.scenario.FeederSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads feeder files, UTF-8 (see {@link FeederText}): CSV with a header row (see {@link Csv}), or
 * JSON lines whose objects' fields become columns (nested values as JSON text).
 */
public final class FeederFiles {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FeederFiles() {}

  /** Loads the file; problems are {@link IOException}s whose message names the line. */
  public static FeederData load(FeederSpec spec) throws IOException {
    String text = FeederText.read(Path.of(spec.file()));
    return spec.format() == FeederSpec.Format.JSONL ? jsonLines(spec.name(), text.lines().toList()) : Csv.read(spec.name(), text);
  }

  static FeederData jsonLines(String name, List<String> lines) throws IOException {
    Set<String> columns = new LinkedHashSet<>();
    List<JsonNode> objects = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      JsonNode node;
      try {
        node = JSON.readTree(lines.get(i));
      } catch (RuntimeException e) {
        throw new IOException("line " + (i + 1) + " is not JSON: " + e.getMessage());
      }
      if (!node.isObject()) throw new IOException("line " + (i + 1) + " is not a JSON object");
      for (Map.Entry<String, JsonNode> e : node.properties()) columns.add(e.getKey());
      objects.add(node);
    }
    if (objects.isEmpty()) throw new IOException("no rows");
    List<String> cols = List.copyOf(columns);
    List<String[]> rows = new ArrayList<>();
    for (JsonNode o : objects) {
      String[] row = new String[cols.size()];
      for (int c = 0; c < row.length; c++) {
        JsonNode v = o.get(cols.get(c));
        row[c] = v == null || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
      }
      rows.add(row);
    }
    return new FeederData(name, cols, rows);
  }
}
