package horde.cluster;

import horde.engine.EngineOptions;
import horde.engine.Share;
import horde.plan.TestPlan;
import horde.scenario.Durations;
import horde.scenario.Version;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jgroups.Address;

/**
 * The coordinator's role in a cluster: a member like the workers, which waits for enough of
 * them, hands each its share of the test, and then runs the test's phases across them ({@link
 * ClusterLoad}). Workers of another Horde version are refused with a message that names both.
 *
 * <pre>{@code
 * try (Coordinator c = Coordinator.join(settings, out)) {
 *   c.awaitWorkers(3, Duration.ofMinutes(5));
 *   ClusterLoad load = c.prepare(bundle, plan, options, LossPolicy.CONTINUE);
 *   new TestRun(plan, options, file).loadFrom(load).execute(listener);
 * }
 * }</pre>
 */
public final class Coordinator implements AutoCloseable {
  private static final Duration PLANNING_LIMIT = Duration.ofMinutes(2);
  private static final int PROBES = 10;

  private final Node node;
  private final PrintWriter out;
  /** Idle workers of this version that said hello, by address, in the order they did. */
  private final Map<Address, Wire.Hello> idle = new LinkedHashMap<>();
  private final Set<Address> refused = new HashSet<>();
  private final List<Member> chosen = new ArrayList<>();
  private long run;

  private Coordinator(Node node, PrintWriter out) {
    this.node = node;
    this.out = out;
  }

  /** Joins the cluster as its coordinator. */
  public static Coordinator join(ClusterSettings settings, PrintWriter out) throws ClusterException {
    try {
      Node node = Node.join(settings);
      Coordinator c = new Coordinator(node, out);
      c.say("Coordinator %s in cluster %s on %s", settings.node(), settings.cluster(), node.where());
      if (!settings.loopback() && settings.secret() == null) {
        c.say("horde: warning: cluster traffic on %s has no secret: any process that reaches it can join and send load; "
            + "give --cluster-secret or HORDE_CLUSTER_SECRET", settings.bind());
      }
      return c;
    } catch (Exception e) {
      throw new ClusterException("cannot join cluster " + settings.cluster() + " on " + settings.bind() + ":"
          + settings.port() + ": " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }

  /** Waits until {@code n} idle workers of this version are in the cluster; they are the test's, sorted by name. */
  public List<String> awaitWorkers(int n, Duration limit) throws ClusterException, InterruptedException {
    node.broadcast(new Wire.Who());
    long deadline = System.nanoTime() + limit.toNanos();
    int shown = -1;
    while (idle.size() < n) {
      if (idle.size() != shown) {
        shown = idle.size();
        say("Waiting for workers: %d of %d%s", shown, n, shown == 0 ? "" : " (" + names(idle.values()) + ")");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ClusterException(String.format(Locale.ROOT, "only %d of %d workers joined cluster %s within %s%s",
            idle.size(), n, node.settings().cluster(), Durations.format(limit),
            idle.isEmpty() ? "" : " (" + names(idle.values()) + ")")
            + (node.settings().secret() == null ? "" : "; a worker with another secret cannot join: check that"
                + " every member has the same --cluster-secret or HORDE_CLUSTER_SECRET"));
      }
      Node.Event e = node.next(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 500));
      if (e instanceof Node.Received r) hello(r);
      else if (e instanceof Node.Viewed v) viewed(v);
    }
    List<Map.Entry<Address, Wire.Hello>> pick = idle.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<Address, Wire.Hello> x) -> x.getValue().name())).limit(n).toList();
    chosen.clear();
    for (int i = 0; i < pick.size(); i++) {
      chosen.add(new Member(pick.get(i).getKey(), pick.get(i).getValue().name(), pick.get(i).getValue().cores(), i));
    }
    return chosen.stream().map(m -> m.name).toList();
  }

  private void hello(Node.Received r) {
    if (!(r.message() instanceof Wire.Hello h) && r.message() != null) return;
    if (!Version.VALUE.equals(r.version()) || r.format() != WireCodec.FORMAT) {
      if (refused.add(r.from())) {
        String why = Node.name(r.from()) + " runs horde " + r.version() + ", this coordinator " + Version.VALUE
            + ": run the same version on every machine";
        say("horde: refused worker %s", why);
        node.send(r.from(), new Wire.Refused(0, why));
      }
      return;
    }
    Wire.Hello h = (Wire.Hello) r.message();
    if (h.busyWith() == 0) idle.put(r.from(), h);
    else idle.remove(r.from());
  }

  private void viewed(Node.Viewed v) {
    idle.keySet().removeIf(a -> !v.view().containsMember(a));
    node.broadcast(new Wire.Who()); // whoever is new says hello; the others are known
  }

  /**
   * Hands each chosen worker the test and its share (equal shares), learns each one's clock
   * offset, and waits until every one has planned it.
   *
   * @throws ClusterException when a worker refuses (cannot plan it, is busy, left)
   */
  public ClusterLoad prepare(Bundle bundle, TestPlan plan, EngineOptions options, LossPolicy policy)
      throws ClusterException, InterruptedException {
    if (chosen.isEmpty()) throw new IllegalStateException("no workers: awaitWorkers first");
    run = new SecureRandom().nextLong() & Long.MAX_VALUE | 1;
    int[] weights = new int[chosen.size()];
    Arrays.fill(weights, 1);
    for (Member m : chosen) {
      node.send(m.address, new Wire.Prepare(run, bundle, options.seed(), options.gracefulStop().toMillis(), m.index,
          weights));
    }
    Set<Address> ready = new HashSet<>();
    List<String> refusals = new ArrayList<>();
    long deadline = System.nanoTime() + PLANNING_LIMIT.toNanos();
    int probes = 0;
    long nextProbe = System.nanoTime();
    while ((ready.size() + refusals.size() < chosen.size() || probes < PROBES) && System.nanoTime() < deadline) {
      if (probes < PROBES && System.nanoTime() >= nextProbe) {
        for (Member m : chosen) node.send(m.address, new Wire.Ping(run, Node.nowMicros()));
        probes++;
        nextProbe = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
      }
      Node.Event e = node.next(10);
      if (e instanceof Node.Received r) {
        Member m = member(r.from());
        if (m == null) continue;
        switch (r.message()) {
          case Wire.Ready x when x.run() == run -> ready.add(m.address);
          case Wire.Refused x when x.run() == run -> refusals.add(x.reason());
          case Wire.Pong p when p.run() == run -> probed(m, p, r.atMicros());
          case null, default -> {}
        }
      } else if (e instanceof Node.Viewed v) {
        for (Member m : chosen) if (!v.view().containsMember(m.address) && !ready.contains(m.address)) {
          refusals.add(m.name + " left the cluster");
        }
      }
    }
    if (!refusals.isEmpty() || ready.size() < chosen.size()) {
      end();
      if (refusals.isEmpty()) refusals.add("not every worker planned the test within " + PLANNING_LIMIT.toSeconds() + "s");
      throw new ClusterException(String.join("; ", refusals));
    }
    say("%d workers ready, %s of the load each: %s", chosen.size(), Share.of(0, weights).fraction(),
        chosen.stream().map(m -> String.format(Locale.ROOT, "%s (%d cores, clock %+.1f ms)", m.name, m.cores,
            m.offsetMicros / 1000.0)).collect(Collectors.joining(", ")));
    return new ClusterLoad(node, run, plan, List.copyOf(chosen), policy, node.settings().cluster(), out);
  }

  /** The probe with the shortest round trip says best how far the worker's clock is from this one. */
  private static void probed(Member m, Wire.Pong p, long back) {
    long trip = back - p.sentMicros();
    if (trip >= m.bestRoundTripMicros) return;
    m.bestRoundTripMicros = trip;
    m.offsetMicros = p.workerMicros() - (p.sentMicros() + back) / 2;
  }

  private Member member(Address a) {
    for (Member m : chosen) if (m.address.equals(a)) return m;
    return null;
  }

  /** Tells the workers the test is over, so they wait for the next. */
  private void end() {
    if (run != 0) for (Member m : chosen) node.send(m.address, new Wire.End(run));
  }

  private static String names(Collection<Wire.Hello> hellos) {
    return hellos.stream().map(Wire.Hello::name).sorted().collect(Collectors.joining(", "));
  }

  private void say(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
    out.flush();
  }

  /** Ends the test on every worker and leaves the cluster. */
  @Override
  public void close() {
    end();
    try {
      Thread.sleep(300); // the end goes out before the channel closes: the workers say done, not lost
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    node.close();
  }
}
