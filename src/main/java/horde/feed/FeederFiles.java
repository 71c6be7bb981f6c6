package horde.feed;

import horde.scenario.FeederSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads feeder files: CSV with a header row (RFC 4180 quoting), or JSON lines whose objects'
 * fields become columns (nested values as JSON text).
 */
public final class FeederFiles {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FeederFiles() {}

  /** Loads the file; problems are {@link IOException}s whose message names the line. */
  public static FeederData load(FeederSpec spec) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(spec.file()), StandardCharsets.UTF_8);
    return spec.format() == FeederSpec.Format.JSONL ? jsonLines(spec.name(), lines) : csv(spec.name(), lines);
  }

  static FeederData csv(String name, List<String> lines) throws IOException {
    List<List<String>> records = Csv.parse(String.join("\n", lines));
    records.removeIf(r -> r.size() == 1 && r.get(0).isEmpty());
    if (records.isEmpty()) throw new IOException("empty file: a CSV feeder needs a header row");
    List<String> header = records.get(0).stream().map(String::strip).toList();
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() != header.size())
        throw new IOException("record " + (i + 1) + " has " + r.size() + " fields, the header has " + header.size());
      rows.add(r.toArray(String[]::new));
    }
    if (rows.isEmpty()) throw new IOException("no rows below the header");
    return new FeederData(name, header, rows);
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
