package horde.feed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * A CSV feeder (RFC 4180: commas, double-quoted fields with {@code ""} for a quote, line breaks in
 * quotes) read with Jackson's CSV parser: the first record names the columns, blank lines are
 * skipped, and a record with another number of fields is an error at its line.
 */
final class Csv {
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

  private Csv() {}

  static FeederData read(String name, String text) throws IOException {
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<String> record = new ArrayList<>();
    int line = 0;
    try (JsonParser parser = CSV.createParser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          record.clear();
        } else if (t == JsonToken.END_ARRAY) {
          if (header == null) header = record.stream().map(String::strip).toList();
          else rows.add(row(record, header, line));
        } else {
          if (record.isEmpty()) line = parser.currentTokenLocation().getLineNr(); // the array's own is stale
          record.add(parser.getString());
        }
      }
    } catch (JacksonException e) {
      // Name the record's first line: an unclosed quote is only noticed at the end of the file.
      int at = !record.isEmpty() ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IOException((at > 0 ? "line " + at + ": " : "") + e.getOriginalMessage());
    }
    if (header == null) throw new IOException("empty file: a CSV feeder needs a header row");
    if (rows.isEmpty()) throw new IOException("no rows below the header");
    return new FeederData(name, header, rows);
  }

  private static String[] row(List<String> record, List<String> header, int line) throws IOException {
    if (record.size() != header.size())
      throw new IOException("line " + line + " has " + record.size() + (record.size() == 1 ? " field" : " fields")
          + ", the header has " + header.size() + " (quote a value that holds a comma: \"a, b\")");
    return record.toArray(String[]::new);
  }
}
