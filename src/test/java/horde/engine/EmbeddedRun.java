package horde.engine;

import horde.plan.FailureReasons;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.protocol.http.ClientSettings;
import horde.protocol.http.HttpClient;
import horde.protocol.http.Origin;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import horde.scenario.yaml.ScenarioLoader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A run on one Netty {@code EmbeddedEventLoop} whose time the test moves by hand: users, timers,
 * timeouts and stalls run on it, and every connection is an {@code EmbeddedChannel} whose server
 * side the test plays byte for byte. Nothing waits for the wall clock, so life-cycle edges
 * (ramp-down, cancel in flight, poll timeout, stall) are exact.
 *
 * <pre>{@code
 * try (EmbeddedRun run = new EmbeddedRun(yaml)) {
 *   VirtualUser u = run.closedUser();
 *   run.answer(0, 200, "{}");       // the first connection's request gets its answer
 *   run.advance(Duration.ofSeconds(1));
 * }
 * }</pre>
 */
final class EmbeddedRun implements AutoCloseable {
  final MockTicker ticker = Ticker.newMockTicker();
  private final EmbeddedChannel clockChannel = EmbeddedChannel.builder().ticker(ticker).build();
  final EventLoop loop = clockChannel.eventLoop();
  final List<EmbeddedChannel> connections = new ArrayList<>();
  final TestPlan plan;
  final RunContext run;
  final Population population;
  private final LoopRecorder recorder;
  private final IntervalSnapshot recorded;
  private final Samples samples;
  private long nextId = 1;

  EmbeddedRun(String yaml) {
    plan = new Planner(Map.of()).plan(ScenarioLoader.parse(yaml, "embedded.yaml", null));
    HttpClient client = new HttpClient(new ClientSettings(0, Duration.ofSeconds(5), false, 0, false), e -> {},
        ticker::nanoTime, (l, init, address) -> {
          EmbeddedChannel ch = EmbeddedChannel.builder().ticker(ticker).handlers(init).build();
          connections.add(ch);
          return ch.newSucceededFuture();
        });
    samples = new Samples(plan.endpoints().size(), FailureReasons.CAPACITY);
    Measures m = plan.measures();
    recorded = new IntervalSnapshot(plan.endpoints().size(), m.histogramCount(), m.counterCount(), FailureReasons.CAPACITY);
    recorder = new LoopRecorder(recorded, samples);
    population = new Population(plan.users(), loop);
    run = new RunContext(plan, Map.of(loop, recorder), client, new RequestRenderer(Origin.of(plan.target()),
        plan.basePath(), plan.requests()), 1, Long.MAX_VALUE, population, plan.initialVariables(), new FatalErrors());
    population.attach(run);
  }

  /** A user of the first class in the closed model, started. */
  VirtualUser closedUser() {
    return started(new VirtualUser(nextId++, plan.users().get(0), loop, run, Pacing.CLOSED));
  }

  VirtualUser user(Pacing pacing) {
    return new VirtualUser(nextId++, plan.users().get(0), loop, run, pacing);
  }

  VirtualUser started(VirtualUser u) {
    loop.execute(u::start);
    pump();
    return u;
  }

  /** Runs what is due on the loop now: its tasks, and timers whose time has come. */
  void pump() {
    for (int i = 0; i < 1000; i++) {
      clockChannel.runPendingTasks();
      clockChannel.runScheduledPendingTasks();
      for (EmbeddedChannel c : connections) c.runPendingTasks();
      if (!clockChannel.hasPendingTasks()) return;
    }
  }

  void advance(Duration d) {
    long step = TimeUnit.MILLISECONDS.toNanos(1);
    for (long left = d.toNanos(); left > 0; left -= step) { // timers fire in their order, as on a real loop
      ticker.advance(Math.min(step, left), TimeUnit.NANOSECONDS);
      pump();
    }
  }

  /** The request the connection has been sent and not yet read here, as text; null when none. */
  String request(int connection) {
    ByteBuf b = connections.get(connection).readOutbound();
    if (b == null) return null;
    try {
      return b.toString(StandardCharsets.UTF_8);
    } finally {
      b.release();
    }
  }

  /** Every request the connection was sent and not yet read here. */
  List<String> requests(int connection) {
    List<String> out = new ArrayList<>();
    for (String r; (r = request(connection)) != null; ) out.add(r);
    return out;
  }

  /** The server's side: raw bytes into the connection. */
  void serve(int connection, String bytes) {
    connections.get(connection).writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.UTF_8));
    pump();
  }

  /** A whole answer with a Content-Length. */
  void answer(int connection, int status, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    serve(connection, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length
        + "\r\n\r\n" + body);
  }

  /** What was recorded so far (adds up across calls). */
  IntervalSnapshot recorded() {
    recorder.drainInto(recorded);
    return recorded;
  }

  long requests(String method, String name) {
    return recorded().counter(endpoint(method, name), Measures.REQUESTS);
  }

  long failures(String method, String name, String reason) {
    int id = plan.reasons().find(reason);
    return id < 0 ? 0 : recorded().reasonCount(endpoint(method, name), id);
  }

  int endpoint(String method, String name) {
    return plan.endpoints().stream().filter(e -> e.method().equals(method) && e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no endpoint " + method + " " + name)).id();
  }

  String sample(String method, String name, String reason) {
    return samples.get(endpoint(method, name), plan.reasons().find(reason));
  }

  @Override
  public void close() {
    for (EmbeddedChannel c : connections) c.finishAndReleaseAll();
    clockChannel.finishAndReleaseAll();
    run.renderer.release(); // the requests encoded once, as the generator releases them at its end
  }
}
