package horde.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import horde.RawServer;
import horde.Scenarios;
import horde.engine.Engine;
import horde.engine.EngineOptions;
import horde.engine.EngineReport;
import horde.plan.FailureReasons;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.scenario.Request;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A request is sent again only when none of it reached the server, and only when its method is
 * idempotent; what the server read always reconciles with what Horde counted plus its retries.
 */
class KeepAliveRetryTest {

  @Test
  void aGetTheServerReadBeforeClosingIsAFailureNotASecondSend() throws Exception {
    reconciles("GET");
  }

  @Test
  void aPostTheServerReadBeforeClosingIsAFailureNotASecondSend() throws Exception {
    reconciles("POST");
  }

  /** Each connection: the first request answered, the second read and the connection closed. */
  void reconciles(String method) throws Exception {
    try (RawServer server = RawServer.answerOnceThenClose()) {
      TestPlan plan = new Planner(Map.of()).plan(Scenarios.steps(server.url(), Scenarios.requests(200, 2), Request.of(method, "/x")));
      EngineReport report;
      IntervalSnapshot recorder;
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(2)))) {
        engine.start();
        report = engine.await();
        recorder = engine.recorded();
      }
      long requests = recorder.counter(0, Measures.REQUESTS);
      assertThat(requests).isEqualTo(200);
      long retries = recorder.counter(0, Measures.RETRIES);
      assertThat(retries).isZero(); // every write reached the socket: none may be sent twice
      assertThat(server.requests()).isEqualTo(requests + retries);
      // each user alternates an answered request and a closed one
      assertThat(recorder.reasonCount(0, FailureReasons.CONNECTION_CLOSED)).isBetween(99L, 100L);
    }
  }

  @Test
  void aGetWrittenToAConnectionTheServerHadResetIsSentOnceMoreAndCountedOnce() throws Exception {
    Sent sent = sendAfterReset("GET");
    assertThat(sent.events()).containsExactly("retry", "complete");
    assertThat(sent.serverRead()).isEqualTo(2); // the first request and the retried one; the failed write never arrived
    assertThat(sent.connections()).isEqualTo(2);
  }

  @Test
  void aPostIsNeverSentTwice() throws Exception {
    Sent sent = sendAfterReset("POST");
    assertThat(sent.events()).hasSize(1);
    assertThat(sent.events().get(0)).isIn("failure CONNECTION_RESET", "failure CONNECTION_CLOSED");
    assertThat(sent.serverRead()).isEqualTo(1);
    assertThat(sent.connections()).isEqualTo(1);
  }

  record Sent(java.util.List<String> events, long serverRead, int connections) {}

  /**
   * One request answered on a keep-alive connection; then, with the event loop held so that it
   * cannot notice, the server resets that idle connection, and a second request is written to it.
   */
  static Sent sendAfterReset(String method) throws Exception {
    CountDownLatch resetNow = new CountDownLatch(1);
    CountDownLatch resetDone = new CountDownLatch(1);
    AtomicInteger connections = new AtomicInteger();
    RawServer[] holder = new RawServer[1];
    holder[0] = new RawServer((s, out) -> {
      boolean first = connections.incrementAndGet() == 1;
      out.write(RawServer.OK);
      out.flush();
      if (first) {
        try {
          resetNow.await();
        } catch (InterruptedException e) {
          return;
        }
        s.setSoLinger(true, 0);
        s.close(); // RST
        resetDone.countDown();
        return;
      }
      while (holder[0].readRequest(s.getInputStream())) {
        out.write(RawServer.OK);
        out.flush();
      }
    });
    Transport transport = Transport.best();
    MultiThreadIoEventLoopGroup group = transport.newGroup(1, "retry-test");
    try (RawServer server = holder[0]) {
      HttpClient client = new HttpClient(group, transport, new ClientSettings(0, Duration.ofSeconds(5), false, 0, false));
      EventLoop loop = group.next();
      Events listener = new Events();
      HttpExchange ex = new HttpExchange(loop, listener);
      Origin origin = Origin.of(URI.create(server.url()));
      loop.submit(() -> {
        ex.method = method;
        ex.origin = origin;
        ex.path.append("/x");
        client.execute(ex);
      }).sync();
      assertThat(listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("complete");
      loop.submit(() -> {
        resetNow.countDown();
        resetDone.await(5, TimeUnit.SECONDS);
        Thread.sleep(50); // the reset lands in the client's socket while the loop cannot see it
        client.execute(ex);
        return null;
      }).sync();
      java.util.List<String> events = new java.util.ArrayList<>();
      for (String e; (e = listener.events.poll(2, TimeUnit.SECONDS)) != null; ) events.add(e);
      return new Sent(events, server.requests(), connections.get());
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  static final class Events implements ExchangeListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    public void onResponseHead(int status, ResponseHead head, long nanos) {}

    public void onContent(ByteBuf content, long nanos) {}

    public void onComplete(long nanos, long bytesSent, long bytesReceived) {
      events.add("complete");
    }

    public void onFailure(TransportError error, Throwable cause, long nanos, long bytesSent, long bytesReceived) {
      events.add("failure " + error);
    }

    public void onRetry(long nanos) {
      events.add("retry");
    }
  }
}
