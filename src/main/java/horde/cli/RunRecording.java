package horde.cli;

import horde.history.HistoryException;
import horde.history.RunHistory;
import horde.result.RunResult;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Records a finished run in the history. Recording never fails a run: when the database cannot
 * be written (locked, damaged, unreachable) it says so as a warning, and the result file written
 * before it stands.
 */
final class RunRecording implements Execution.AfterRun {
  private final HistoryFlags flags;
  private final String scenarioText;
  private final Map<String, String> tags;
  private final PrintWriter out;
  private final PrintWriter err;
  private long id = -1;

  RunRecording(HistoryFlags flags, String scenarioText, Map<String, String> tags, PrintWriter out, PrintWriter err) {
    this.flags = flags;
    this.scenarioText = scenarioText;
    this.tags = tags;
    this.out = out;
    this.err = err;
  }

  /** This step, then {@code next}. */
  Execution.AfterRun andThen(Execution.AfterRun next) {
    return (result, code) -> next.apply(result, apply(result, code));
  }

  /** The id the run was recorded under, or -1. */
  long id() {
    return id;
  }

  @Override
  public int apply(RunResult result, int exitCode) {
    if (flags.off) return exitCode;
    try {
      RunHistory history = flags.db.open();
      id = history.record(result, scenarioText, tags);
      out.println("History: run " + id + " in " + history.location() + " (horde runs show " + id + ")");
    } catch (HistoryException | IllegalArgumentException e) {
      err.println("horde: warning: the run was not recorded in the history: " + e.getMessage());
    } catch (RuntimeException e) {
      err.println("horde: warning: the run was not recorded in the history: " + e);
    }
    out.flush();
    err.flush();
    return exitCode;
  }
}
