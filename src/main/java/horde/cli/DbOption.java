package horde.cli;

import horde.history.Location;
import horde.history.RunHistory;
import picocli.CommandLine.Option;

/** {@code --db}: which run history a command uses. */
final class DbOption {
  @Option(names = "--db", paramLabel = "URL", description = "The run history: a file, jdbc:sqlite:FILE or"
      + " jdbc:postgresql://HOST/DB (default: $HORDE_DB, else " + Location.DEFAULT_FILE + ").")
  String db;

  Location location() {
    return Location.resolve(db, System.getenv());
  }

  /** Opens the history; throws {@link horde.history.HistoryException} or {@link IllegalArgumentException}. */
  RunHistory open() {
    return RunHistory.open(location());
  }
}
