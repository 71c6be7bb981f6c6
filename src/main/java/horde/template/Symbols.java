package horde.template;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/** What names mean when a template is bound (at plan time). */
public interface Symbols {
  /** The slot of a user variable (declared, or saved from a response). */
  OptionalInt variable(String name);

  /** A feeder by name, with its columns. */
  Optional<FeederColumns> feeder(String name);

  /** The value of an environment variable, read once. */
  Optional<String> environment(String name);

  /** The test-wide counter behind {@code ${counter}}. */
  AtomicLong counter();

  record FeederColumns(int index, List<String> columns) {
    public FeederColumns {
      columns = List.copyOf(columns);
    }
  }
}
