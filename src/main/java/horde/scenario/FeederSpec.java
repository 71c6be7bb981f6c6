package horde.scenario;

import java.util.Locale;
import java.util.Objects;

/**
 * A data file whose rows feed templates as {@code ${feeder.column}}.
 *
 * @param file path as written; relative paths resolve against the scenario file's folder
 * @param order {@code SEQUENTIAL} and {@code RANDOM} draw a row per task iteration; {@code UNIQUE}
 *     gives each virtual user its own row for its whole life (credentials, tenants)
 */
public record FeederSpec(String name, String file, Order order, Format format, SourcePosition position) {
  public enum Order {
    SEQUENTIAL,
    RANDOM,
    UNIQUE
  }

  public enum Format {
    CSV,
    JSONL;

    /** The format a file name implies: {@code .jsonl}/{@code .ndjson} are JSON lines. */
    public static Format of(String file) {
      String f = file.toLowerCase(Locale.ROOT);
      return f.endsWith(".jsonl") || f.endsWith(".ndjson") ? JSONL : CSV;
    }
  }

  public FeederSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    order = order == null ? Order.SEQUENTIAL : order;
    format = format == null ? Format.of(file) : format;
    position = position == null ? SourcePosition.UNKNOWN : position;
  }
}
