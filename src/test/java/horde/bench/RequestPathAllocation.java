package horde.bench;

import horde.Nginx;
import horde.engine.Engine;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.scenario.yaml.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Heap allocated per request on the real request path: Horde's engine runs a scenario against a
 * real nginx (the tests' {@link Nginx}, its own process) and the event-loop threads' allocated
 * bytes (the JVM's per-thread counter, exact to the TLAB) are divided by the requests they made in
 * a window after a warm-up. The control and statistics threads are left out: they work per tick,
 * not per request. Run with {@code bench/alloc.sh} (it builds, then runs each scenario).
 *
 * <p>Arguments: {@code get | post} (the constant {@code GET /fast}, or a templated POST with a
 * {@code ${uuid}} body, a JSON check and a save), then optionally warm-up and window seconds.
 */
public final class RequestPathAllocation {
  static final String GET = """
      name: alloc-get
      target: %s
      users: [{ name: u, tasks: [{ get: /fast }] }]
      load: { users: 50, run_time: 10m }
      """;
  static final String POST = """
      name: alloc-post
      target: %s
      users:
        - name: u
          tasks:
            - post: /fast
              json: { id: "${uuid}", text: "hello" }
              check: { status: 200, json: { $.ok: present } }
              save: { ok: $.ok }
      load: { users: 50, run_time: 10m }
      """;

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "get";
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int window = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = Files.createTempDirectory("horde-alloc");
    try (Nginx nginx = new Nginx(dir)) {
      String yaml = (kind.equals("post") ? POST : GET).formatted(nginx.url());
      TestPlan plan = new Planner(Map.of()).plan(ScenarioLoader.parse(yaml, "alloc.yaml", dir));
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS.withThreads(1).withGracefulStop(Duration.ZERO))) {
        engine.start();
        Thread.sleep(warmup * 1000L);
        engine.recorded();
        long loops0 = loopBytes(), all0 = allBytes();
        Thread.sleep(window * 1000L);
        IntervalSnapshot s = engine.recorded();
        long loops = loopBytes() - loops0, all = allBytes() - all0;
        long requests = 0, failures = 0;
        for (int e = 0; e < s.endpoints(); e++) {
          requests += s.counter(e, Measures.REQUESTS);
          failures += s.counter(e, Measures.FAILURES);
        }
        System.out.printf("%s: %d requests (%d failed) in %d s; event loop %.0f B/request, whole process %.0f B/request%n",
            kind, requests, failures, window, loops / (double) requests, all / (double) requests);
        engine.abort();
        engine.await();
      }
    }
  }

  private static com.sun.management.ThreadMXBean threads() {
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }

  /** Bytes allocated so far by Horde's event-loop threads. */
  private static long loopBytes() {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("horde-loop")) sum += threads().getThreadAllocatedBytes(t.threadId());
    }
    return sum;
  }

  private static long allBytes() {
    return threads().getTotalThreadAllocatedBytes();
  }
}
