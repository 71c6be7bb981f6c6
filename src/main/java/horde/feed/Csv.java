package horde.feed;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: commas, double-quoted fields with {@code ""} for a quote, newlines in quotes. */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        record.add(stripCr(field));
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    record.add(stripCr(field));
    records.add(record);
    return records;
  }

  private static String stripCr(StringBuilder field) {
    int n = field.length();
    return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
  }
}
