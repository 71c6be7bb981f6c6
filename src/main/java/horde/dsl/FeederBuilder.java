package horde.dsl;

import horde.scenario.FeederSpec;

/**
 * A data file whose rows feed templates as {@code ${feeder.column}}: CSV with a header line, or
 * JSON lines ({@code .jsonl}, {@code .ndjson}). Start one with {@link Dsl#feeder}.
 *
 * <pre>{@code feeder("accounts", "data/accounts.jsonl").unique()}</pre>
 *
 * Relative paths are relative to the working folder (a scenario file's are to its own folder).
 */
public final class FeederBuilder {
  private final String name;
  private final String file;
  private FeederSpec.Order order = FeederSpec.Order.SEQUENTIAL;
  private FeederSpec.Format format;

  FeederBuilder(String name, String file) {
    this.name = name;
    this.file = file;
  }

  /** A row drawn at random for each task iteration. */
  public FeederBuilder random() {
    order = FeederSpec.Order.RANDOM;
    return this;
  }

  /** Each user gets its own row for its whole life (credentials, tenants). */
  public FeederBuilder unique() {
    order = FeederSpec.Order.UNIQUE;
    return this;
  }

  /** The file's format whatever its name says. */
  public FeederBuilder format(FeederSpec.Format f) {
    format = f;
    return this;
  }

  String name() {
    return name;
  }

  FeederSpec build() {
    return new FeederSpec(name, file, order, format, null);
  }
}
