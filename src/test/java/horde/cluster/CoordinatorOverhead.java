package horde.cluster;

import horde.Ports;
import horde.plan.FailureReasons;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.run.TestRun;
import horde.scenario.Version;
import horde.scenario.yaml.ScenarioLoader;
import horde.stats.Interval;
import horde.stats.IntervalCodec;
import horde.stats.RunStats;
import horde.stats.Slice;
import horde.stats.StatsCollector;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jgroups.Address;

/**
 * What a coordinator spends per worker per second, measured (a benchmark, not a test; the
 * figures are in docs/design.md). Two parts: Horde's own (decode a worker's second, map its ids,
 * merge it, take the merged second into the statistics), on this thread's CPU clock; and the
 * cluster transport's (JGroups receiving one worker's message, with and without the secret's
 * encryption), as this process's CPU while a second JVM sends it such messages, less its CPU idle.
 * <pre>{@code java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) horde.cluster.CoordinatorOverhead [workers seconds endpoints rps]}</pre>
 */
public final class CoordinatorOverhead {
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("send")) {
      send(args);
      return;
    }
    int workers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int endpoints = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rps = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    TestPlan plan = plan(endpoints);
    List<byte[]> messages = new ArrayList<>();
    for (int w = 0; w < workers; w++) messages.add(second(plan, endpoints, rps, w));
    double bytes = messages.stream().mapToInt(b -> b.length).average().orElse(0);
    System.out.printf(Locale.ROOT, "a worker's second: %d endpoints, %d requests/s: %.0f bytes of message%n", endpoints,
        rps, bytes);
    merge(plan, messages, workers, 5); // warm-up
    double mergeMicros = merge(plan, messages, workers, seconds);
    System.out.printf(Locale.ROOT, "merge (decode, map, add, take): %.1f µs CPU per worker-second (%d workers, %d s)%n",
        mergeMicros, workers, seconds);
    transport(messages.get(0), null, 1000); // warm-up: JGroups' receiving path compiled before it is measured
    for (String secret : new String[] {null, "a-secret"}) {
      double[] t = transport(messages.get(0), secret, Math.max(1000, workers * 40));
      System.out.printf(Locale.ROOT, "transport%s: %.1f µs CPU and %.0f bytes received per message%n",
          secret == null ? "" : " with the secret (AUTH, SYM_ENCRYPT)", t[0], t[1]);
      System.out.printf(Locale.ROOT, "  => %.0f workers per coordinator core%n", 1e6 / (mergeMicros + t[0]));
    }
  }

  static TestPlan plan(int endpoints) {
    StringBuilder yaml = new StringBuilder("name: bench\ntarget: http://127.0.0.1:1\nusers:\n  - name: u\n    tasks:\n");
    for (int e = 0; e < endpoints; e++) yaml.append("      - get: /e").append(e).append('\n');
    return new Planner(java.util.Map.of()).plan(ScenarioLoader.parse(yaml.toString(), "bench.yaml", Path.of(".")));
  }

  /** One worker's second, as it sends it: latencies log-normal around 20-400 ms, 1 % of them 503. */
  static byte[] second(TestPlan plan, int endpoints, int rps, int seed) {
    Random random = new Random(seed);
    IntervalSnapshot shape = new IntervalSnapshot(plan.endpoints().size(), plan.measures().histogramCount(),
        plan.measures().counterCount(), FailureReasons.CAPACITY);
    LoopRecorder recorder = new LoopRecorder(shape, new Samples(plan.endpoints().size(), FailureReasons.CAPACITY));
    int e503 = FailureReasons.httpStatus(503);
    for (int i = 0; i < rps; i++) {
      int e = i % endpoints;
      double median = 20_000 * Math.pow(20, e / (double) Math.max(1, endpoints - 1));
      boolean failed = random.nextInt(100) == 0;
      long micros = (long) (median * Math.exp(random.nextGaussian() * 0.5));
      recorder.request(e, failed ? 503 : 200, failed ? e503 : -1, micros * 1000, 180, 900);
    }
    IntervalSnapshot s = shape.emptyCopy();
    recorder.drainInto(s);
    List<Slice> slices = new ArrayList<>();
    for (int e = 0; e < s.endpoints(); e++) if (Slice.of(s, e) != null) slices.add(Slice.of(s, e));
    Interval i = new Interval(1, 1, 100, 100, 0, false, slices, new Health(0.5, 2, 40, 1, 200, 65536, 0));
    return WireCodec.encode(Version.VALUE, new Wire.Second(1, 0, IntervalCodec.encode(i),
        List.of(new Wire.Reason(e503, "HTTP 503", "HTTP")), List.of()));
  }

  /** CPU microseconds per worker-second of the coordinator's own work. */
  static double merge(TestPlan plan, List<byte[]> messages, int workers, int seconds) {
    List<Member> members = new ArrayList<>();
    for (int w = 0; w < workers; w++) members.add(new Member(null, "w" + w, 2, w));
    ClusterLoad load = new ClusterLoad(null, 1, plan, members, LossPolicy.CONTINUE, "bench", new PrintWriter(System.out));
    IntervalSnapshot shape = new IntervalSnapshot(plan.endpoints().size(), plan.measures().histogramCount(),
        plan.measures().counterCount(), FailureReasons.CAPACITY);
    Samples samples = new Samples(plan.endpoints().size(), FailureReasons.CAPACITY);
    PhaseMerge merge = new PhaseMerge(members, shape, () -> TestRun.names(plan), TargetSeconds.of(null, 0));
    StatsCollector collector = new StatsCollector(List.of(), shape, () -> TestRun.names(plan), samples, merge.gauges(),
        new StatsCollector.Options(0, false, plan.tracked(), null, 0, List.of()));
    collector.startTaking(System.currentTimeMillis());
    members.forEach(Member::newPhase);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    for (int t = 0; t < seconds; t++) {
      for (int w = 0; w < workers; w++) {
        byte[] b = messages.get(w);
        Wire.Second s = (Wire.Second) WireCodec.decode(b, 0, b.length).message();
        Interval i = load.mapped(members.get(w), s, samples);
        merge.add(members.get(w), new Interval(t + 1, 1, i.users(), i.peakUsers(), 0, false, i.slices(), i.health()));
      }
      merge.feed(collector);
    }
    members.forEach(m -> m.done = new Wire.Done(1, 0, seconds, 0, false));
    merge.finish(collector);
    RunStats stats = collector.finish((double) seconds, 0, false);
    long used = cpu.getCurrentThreadCpuTime() - start;
    if (stats.total().requests() == 0) throw new IllegalStateException("nothing merged");
    return used / 1e3 / workers / seconds;
  }

  /** {CPU µs, bytes received} per message this process receives from another JVM. */
  static double[] transport(byte[] message, String secret, int count) throws Exception {
    int[] ports = Ports.distinct(2);
    int mine = ports[0], theirs = ports[1];
    List<String> hosts = List.of("127.0.0.1:" + mine, "127.0.0.1:" + theirs);
    ClusterSettings s = new ClusterSettings("bench-" + ProcessHandle.current().pid(), "coordinator", "127.0.0.1", mine, hosts,
        null, secret);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Node node = Node.join(s)) {
      node.view();
      org.jgroups.protocols.TP tp = channel(node).getProtocolStack().getTransport();
      tp.enableStats(true);
      long idle0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
      Thread.sleep(3_000);
      double idlePerNano = (os.getProcessCpuTime() - idle0) / (double) (System.nanoTime() - wall0);
      List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
          System.getProperty("java.class.path"), CoordinatorOverhead.class.getName(), "send", s.cluster(), String.valueOf(theirs),
          String.join(",", hosts), secret == null ? "-" : secret, String.valueOf(count)));
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      int got = 0;
      long cpu0 = 0, wall = 0, bytes0 = 0;
      while (got < count) {
        Node.Event e = node.next(60_000);
        if (e == null) throw new IllegalStateException("the sender stopped after " + got + " messages");
        if (!(e instanceof Node.Received r) || !(r.message() instanceof Wire.Second)) continue;
        if (got++ == 0) {
          cpu0 = os.getProcessCpuTime();
          wall = System.nanoTime();
          bytes0 = tp.getMessageStats().getNumBytesReceived();
        }
      }
      long cpu = os.getProcessCpuTime() - cpu0;
      double elapsed = System.nanoTime() - wall;
      long bytes = tp.getMessageStats().getNumBytesReceived() - bytes0;
      p.waitFor();
      return new double[] {(cpu - idlePerNano * elapsed) / 1e3 / (count - 1), bytes / (double) (count - 1)};
    }
  }

  private static org.jgroups.JChannel channel(Node node) throws Exception {
    var f = Node.class.getDeclaredField("channel");
    f.setAccessible(true);
    return (org.jgroups.JChannel) f.get(node);
  }

  /** The other JVM: joins, sends {@code count} seconds to the coordinator, 200 a second, and leaves. */
  private static void send(String[] args) throws Exception {
    String cluster = args[1];
    int port = Integer.parseInt(args[2]);
    List<String> hosts = List.of(args[3].split(","));
    String secret = args[4].equals("-") ? null : args[4];
    int count = Integer.parseInt(args[5]);
    TestPlan plan = plan(10);
    byte[] message = second(plan, 10, 2000, 1);
    try (Node node = Node.join(new ClusterSettings(cluster, "sender", "127.0.0.1", port, hosts, null, secret))) {
      Address to = null;
      while (to == null) {
        for (Address a : node.view().getMembers()) if (!a.equals(node.self())) to = a;
        Thread.sleep(100);
      }
      Wire.Second second = (Wire.Second) WireCodec.decode(message, 0, message.length).message();
      long next = System.nanoTime();
      for (int i = 0; i < count; i++) {
        node.send(to, second);
        next += 5_000_000; // 200 a second: as 200 workers would
        long wait = next - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      Thread.sleep(1_000);
    }
  }
}
