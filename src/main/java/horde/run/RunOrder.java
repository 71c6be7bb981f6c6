package horde.run;

import horde.result.PhaseResult;
import horde.scenario.Phase;
import horde.stats.IntervalListener;
import java.util.List;

/**
 * Which runs a test makes, one after another: the scenario's phases (or its one run), or a
 * capacity search's steps, each decided from the results so far. Every run is a run of the engine
 * with its own statistics; this only chooses them.
 */
interface RunOrder {
  /** The next run, or null when there is none; {@code done} holds the results of those before it. */
  Phase next(List<PhaseResult> done);

  /** How many runs there will be, or 0 when it depends on their results. */
  int planned();

  /** A listener to the seconds of {@code phase} that may end it early with {@code stop}, or null. */
  default IntervalListener watch(Phase phase, Runnable stop) {
    return null;
  }

  /** Whether {@link #watch}'s listener ended the last run. */
  default boolean stoppedLast() {
    return false;
  }

  /** The runs listed: phases, or the single run. */
  static RunOrder of(List<Phase> runs) {
    return new RunOrder() {
      public Phase next(List<PhaseResult> done) {
        return done.size() < runs.size() ? runs.get(done.size()) : null;
      }

      public int planned() {
        return runs.size();
      }
    };
  }
}
