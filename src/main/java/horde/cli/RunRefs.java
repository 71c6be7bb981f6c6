package horde.cli;

import horde.history.HistoryException;
import horde.history.RunHistory;
import horde.history.StoredRun;
import horde.result.ResultReader;
import horde.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A run named on the command line: a result file, a run id from the history ({@code 42}), or
 * {@code latest}, the history's newest run.
 */
final class RunRefs {
  /** A run and how reports name it. */
  record Named(String label, RunResult result) {}

  private RunRefs() {}

  /** Throws {@link IllegalArgumentException} with a message for the user. */
  static Named resolve(String ref, Supplier<RunHistory> history) {
    Path file = Path.of(ref);
    if (Files.isRegularFile(file)) {
      try {
        return new Named(ref, ResultReader.read(file));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    long id;
    if (ref.equals("latest")) {
      id = history.get().latest().orElseThrow(() -> new IllegalArgumentException("the history has no runs yet"));
    } else if (ref.matches("#?[0-9]{1,18}")) {
      id = Long.parseLong(ref.replace("#", ""));
    } else {
      throw new IllegalArgumentException("'" + ref + "' is neither a result file nor a run id (or latest)");
    }
    return new Named("run " + id, run(history.get(), id).result());
  }

  static StoredRun run(RunHistory history, long id) {
    return history.run(id).orElseThrow(() -> new IllegalArgumentException("no run " + id + " in " + history.location()));
  }

  /** Opens the history once, on first use. */
  static Supplier<RunHistory> lazily(DbOption db) {
    return new Supplier<>() {
      private RunHistory history;

      @Override
      public RunHistory get() {
        if (history == null) history = db.open();
        return history;
      }
    };
  }

  static boolean isUserError(RuntimeException e) {
    return e instanceof IllegalArgumentException || e instanceof HistoryException;
  }
}
