package horde.cluster;

import horde.engine.EngineOptions;
import horde.engine.Share;
import horde.plan.TestPlan;
import horde.scenario.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jgroups.Address;

/**
 * {@code horde worker}: a member of a cluster that waits for a coordinator, plans the test it is
 * handed (it needs no files of its own), runs its share of each phase from the instant the
 * coordinator names, ships every second, and waits for the next test. It stops its load as soon
 * as it loses its coordinator, so a test never goes on without one.
 *
 * <pre>{@code new Worker(settings, planner, options, null, out).serve();}</pre>
 */
public final class Worker implements AutoCloseable {
  /** Turns what a coordinator ships into a plan, as the coordinator planned it; throws with the problems. */
  public interface Planning {
    TestPlan plan(Bundle bundle) throws Exception;
  }

  private final ClusterSettings settings;
  private final Planning planning;
  private final EngineOptions options;
  private final Path out;
  private final PrintWriter console;
  private final Node node;
  private volatile boolean closing;
  private volatile WorkerRun current;

  /** @param out a folder for each test's own result file, or null */
  public Worker(ClusterSettings settings, Planning planning, EngineOptions options, Path out, PrintWriter console)
      throws Exception {
    this.settings = settings;
    this.planning = planning;
    this.options = options;
    this.out = out;
    this.console = console;
    this.node = Node.join(settings);
    say("worker %s in cluster %s on %s (horde %s, %d cores); waiting for a coordinator", settings.node(),
        settings.cluster(), node.where(), Version.VALUE, Runtime.getRuntime().availableProcessors());
    node.broadcast(hello());
  }

  /** Serves tests until {@link #close()} (Ctrl-C, SIGTERM) or the thread is interrupted; then leaves the cluster. */
  public void serve() throws InterruptedException {
    try {
      while (!closing) {
        Node.Event e = node.next(500);
        if (e instanceof Node.Received r) received(r);
        else if (e instanceof Node.Viewed v && current != null && !v.view().containsMember(current.coordinator())) {
          say("run %s: lost the coordinator %s; stopped the load", hex(current.id()), Node.name(current.coordinator()));
          end(false);
        }
      }
    } finally {
      if (current != null) end(false);
      node.close();
    }
  }

  private void received(Node.Received r) {
    if (r.message() == null) {
      say("ignored a message from %s: it runs horde %s (cluster format %d, this worker %d)", Node.name(r.from()),
          r.version(), r.format(), WireCodec.FORMAT);
      return;
    }
    switch (r.message()) {
      case Wire.Who who -> node.send(r.from(), hello());
      case Wire.Prepare p -> prepare(r, p);
      case Wire.Start s -> {
        if (mine(r.from(), s.run()) && !current.start(s)) say("run %s: phase %d not started", hex(s.run()), s.phase() + 1);
      }
      case Wire.Stop s -> {
        if (mine(r.from(), s.run())) {
          say("run %s: stopped by the coordinator", hex(s.run()));
          current.stop();
        }
      }
      case Wire.End e -> {
        if (mine(r.from(), e.run())) end(true);
      }
      case Wire.Refused f -> say("refused by %s: %s", Node.name(r.from()), f.reason());
      default -> {} // messages for a coordinator
    }
  }

  private boolean mine(Address from, long run) {
    return current != null && current.id() == run && current.coordinator().equals(from);
  }

  private void prepare(Node.Received r, Wire.Prepare p) {
    if (current != null) {
      node.send(r.from(), new Wire.Refused(p.run(), settings.node() + " is busy with a test of " + Node.name(current.coordinator())));
      return;
    }
    if (!Version.VALUE.equals(r.version())) {
      node.send(r.from(), new Wire.Refused(p.run(), settings.node() + " runs horde " + Version.VALUE + ", the coordinator "
          + r.version() + ": run the same version everywhere"));
      return;
    }
    try {
      Share share = Share.of(p.index(), p.weights());
      EngineOptions o = options.withSeed(p.seed()).withGracefulStop(Duration.ofMillis(p.gracefulStopMillis()));
      current = new WorkerRun(node, r.from(), p.run(), planning.plan(p.bundle()), share, o, line -> say("%s", line));
      say("run %s: %s from %s, this worker's share %s", hex(p.run()), current.scenarioName(), Node.name(r.from()),
          share.fraction());
      node.send(r.from(), new Wire.Ready(p.run()));
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      say("run %s: cannot plan it: %s", hex(p.run()), why);
      node.send(r.from(), new Wire.Refused(p.run(), settings.node() + " cannot plan the scenario: " + why));
    }
  }

  /** The test is over (or its coordinator gone): stop what runs, keep the result when asked, wait for the next. */
  private void end(boolean normally) {
    WorkerRun run = current;
    current = null;
    run.stop();
    run.close();
    if (normally) say("run %s: done, %,d requests from this worker", hex(run.id()), run.requests());
    if (out != null) {
      try {
        Path file = run.write(out, settings.node());
        if (file != null) say("run %s: this worker's figures in %s", hex(run.id()), file);
      } catch (IOException e) {
        say("run %s: cannot write this worker's figures to %s: %s", hex(run.id()), out, e.getMessage());
      }
    }
    if (!closing) node.broadcast(hello()); // free again: a coordinator waiting for workers hears it
  }

  private Wire.Hello hello() {
    return new Wire.Hello(settings.node(), Runtime.getRuntime().availableProcessors(), current == null ? 0 : current.id());
  }

  private void say(String format, Object... args) {
    console.printf(Locale.ROOT, format + "%n", args);
    console.flush();
  }

  static String hex(long run) {
    return Long.toHexString(run);
  }

  /** Stops any load at once; {@link #serve()} then leaves the cluster. Safe from any thread. */
  @Override
  public void close() {
    closing = true;
    WorkerRun run = current;
    if (run != null) run.stop();
  }
}
