package horde.feed;

import java.util.List;

/** A feeder's rows, loaded once before the run: column names and string values. */
public record FeederData(String name, List<String> columns, List<String[]> rows) {
  public FeederData {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
