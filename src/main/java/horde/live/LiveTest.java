package horde.live;

import horde.criteria.Finding;
import horde.criteria.Findings;
import horde.criteria.GeneratorHealth;
import horde.history.RunHistory;
import horde.result.RunResult;
import horde.run.SetupFailedException;
import horde.run.TestRun;
import horde.run.UnreachableTargetException;
import horde.scenario.Phase;
import horde.stats.Progress;
import horde.stats.RunStats;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One test the web UI shows: started from the form ({@link #start}), or a {@code horde run --ui}
 * that the command line runs and the UI watches ({@link #watch}). Holds its live series, its state,
 * and once over its result and where the history keeps it.
 */
public final class LiveTest {
  /** Where a test is: checking the target and running setup, sending load, stopping, over, or never run. */
  public enum State {
    STARTING, RUNNING, STOPPING, DONE, FAILED;

    public String lower() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Logger LOG = Logger.getLogger(LiveTest.class.getName());
  private static final long FINDINGS_EVERY_MILLIS = 5000;

  private final TestRun run;
  private final String scenario;
  private final String target;
  private final boolean open;
  private final LiveSeries series = new LiveSeries();
  private final long startedMillis = System.currentTimeMillis();
  private volatile State state = State.STARTING;
  private volatile String phase;
  private volatile String error;
  private volatile RunResult result;
  private volatile long historyId = -1;
  private List<Finding> findings = List.of();
  private long findingsAt;

  private LiveTest(TestRun run, String scenario, String target, boolean open) {
    this.run = run;
    this.scenario = scenario;
    this.target = target;
    this.open = open;
    run.listen(series);
  }

  /** A test the command line runs; it calls {@link #done} at the end. */
  public static LiveTest watch(TestRun run, String scenario, String target, boolean open) {
    LiveTest t = new LiveTest(run, scenario, target, open);
    t.state = State.RUNNING;
    return t;
  }

  /**
   * Starts a test on a thread of its own: pre-flight, the run, then the result recorded in {@code
   * history} (when not null) with the scenario's text.
   */
  public static LiveTest start(TestRun run, Source source, String target, boolean open, RunHistory history,
      Map<String, String> tags) {
    LiveTest t = new LiveTest(run, source.name(), target, open);
    Thread thread = new Thread(() -> t.execute(source.text(), history, tags), "horde-ui-test");
    thread.setDaemon(true);
    thread.start();
    return t;
  }

  private void execute(String text, RunHistory history, Map<String, String> tags) {
    try {
      run.preflight();
      if (state == State.STARTING) state = State.RUNNING;
      RunResult r = run.execute(listener());
      long id = -1;
      try {
        if (history != null) id = history.record(r, text, tags);
      } catch (RuntimeException e) { // a history that cannot be written never loses the result: it stays downloadable
        LOG.log(Level.WARNING, "the run was not recorded in the history: " + e.getMessage());
      }
      done(r, id);
    } catch (UnreachableTargetException e) {
      fail("target unreachable: " + e.getMessage());
    } catch (SetupFailedException e) {
      fail("setup failed, no load was sent: " + e.getMessage());
    } catch (InterruptedException e) {
      fail("interrupted");
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "the test failed", e);
      fail("internal error: " + e);
    }
  }

  private TestRun.Listener listener() {
    return new TestRun.Listener() {
      public void progress(Progress p) {}

      public void phase(int index, int count, Phase p) {
        phase = (index + 1) + "/" + count + " " + p.name();
      }
    };
  }

  private void fail(String why) {
    error = why;
    state = State.FAILED;
  }

  /** The test is over: its result, and its id in the history (-1 when not recorded). */
  public void done(RunResult r, long id) {
    result = r;
    historyId = id;
    state = State.DONE;
  }

  /** Stops the test as Ctrl-C does: users stop, what is in flight gets a short grace, the result covers what ran. */
  public void stop() {
    if (state == State.STARTING || state == State.RUNNING) state = State.STOPPING;
    run.abort();
  }

  public TestRun run() {
    return run;
  }

  public LiveSeries series() {
    return series;
  }

  public State state() {
    return state;
  }

  public boolean active() {
    return state == State.STARTING || state == State.RUNNING || state == State.STOPPING;
  }

  public String scenario() {
    return scenario;
  }

  /** The target as shown: without any user name or password in it. */
  public String target() {
    return target;
  }

  /** Whether the load is an arrival rate (steered in iterations a second) rather than users. */
  public boolean open() {
    return open;
  }

  public String phase() {
    return phase;
  }

  public String error() {
    return error;
  }

  public RunResult result() {
    return result;
  }

  public long historyId() {
    return historyId;
  }

  public long startedMillis() {
    return startedMillis;
  }

  /** The findings so far (recomputed every few seconds from the statistics so far), or the result's. */
  public synchronized List<Finding> findings(RunStats soFar) {
    RunResult r = result;
    if (r != null) return r.findings();
    long now = System.currentTimeMillis();
    if (soFar != null && now - findingsAt >= FINDINGS_EVERY_MILLIS) {
      findings = Findings.of(soFar, run.settings());
      findingsAt = now;
    }
    return findings;
  }

  /** What went wrong on Horde's own side so far (loop lag, CPU, GC, descriptors). */
  public static List<GeneratorHealth.Problem> generator(RunStats soFar) {
    return soFar == null ? List.of() : GeneratorHealth.problems(soFar);
  }
}
