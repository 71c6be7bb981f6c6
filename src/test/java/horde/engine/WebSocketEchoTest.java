package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.EchoServer;
import horde.Ports;
import horde.scenario.Measures;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSocket steps against an echo server Horde did not write (Python's websockets, started and
 * stopped here): what was sent is what came back, round trips are the server's delay, and an
 * await that gets nothing, a server's close, a refused handshake and a refused connection fail
 * with their own reasons.
 */
@Alone
class WebSocketEchoTest {
  /** The server's delay before each echo. */
  private static final int DELAY_MS = 50;
  /**
   * How far above the delay a round trip's median may be: Python's event loop, the loopback and
   * Horde's own loop together take well under a millisecond on an idle machine, but the machine is
   * shared and loaded, so the median is allowed 3 ms (it reads about 50.3 ms when quiet).
   */
  private static final double TOLERANCE_MS = 3;

  @BeforeAll
  static void echoServerInstalled() {
    assumeThat(EchoServer.installed() || System.getenv("CI") != null)
        .as("python3-websockets is installed by ./run-tests").isTrue();
  }

  @Test
  void everyMessageComesBackAndItsRoundTripIsTheServersDelay() throws Exception {
    try (EchoServer echo = new EchoServer(DELAY_MS)) {
      PlanRun r = PlanRun.of("""
          target: http://127.0.0.1:%d
          users:
            - name: u
              on_start: [{ws: /echo, name: echo}]
              tasks:
                - name: round
                  steps:
                    - ws_send: "hello ${user_id} ${iteration}"
                    - ws_await: {contains: hello, timeout: 5s, save: {back: {regex: "hello .*"}}}
                    - ws_send: {json: {user: "${user_id}", said: "${back}"}}
                    - ws_await: {json: {$.user: present}, name: json echo}
          load: {requests: 80, concurrency: 1}
          """.formatted(echo.port()));
      // One user, so the 80 awaits (on_start's connect comes on top) are 40 whole rounds: users
      // racing for the last requests of a fixed count would end mid-round.
      assertThat(r.count("WS", "echo", Measures.REQUESTS)).isEqualTo(1);
      assertThat(r.count("WS", "echo", Measures.FAILURES)).isZero();
      assertThat(r.count("WS", "echo await", Measures.REQUESTS)).isEqualTo(40);
      assertThat(r.count("WS", "json echo", Measures.REQUESTS)).isEqualTo(40);
      assertThat(r.count("WS", "echo await", Measures.FAILURES) + r.count("WS", "json echo", Measures.FAILURES)).isZero();
      assertThat(r.count("WS", "echo", Measures.WS_MESSAGES_OUT)).isEqualTo(80);
      assertThat(r.count("WS", "echo", Measures.WS_MESSAGES_IN)).isEqualTo(80);
      assertThat(r.count("WS", "echo", Measures.WS_BYTES_IN)).isEqualTo(r.count("WS", "echo", Measures.WS_BYTES_OUT));
      Histogram trips = r.histogram("WS", "echo await", Measures.WS_ROUND_TRIP);
      double p50 = trips.getValueAtPercentile(50) / 1000.0;
      assertThat(p50).as("round trip p50, ms").isBetween((double) DELAY_MS, DELAY_MS + TOLERANCE_MS);
      assertThat(r.histogram("WS", "echo", Measures.WS_CONNECT).getTotalCount()).isEqualTo(1);
    }
  }

  @Test
  void anAwaitThatGetsNoMatchingMessageFailsAtItsTimeout() throws Exception {
    try (EchoServer echo = new EchoServer(0)) {
      PlanRun r = PlanRun.of("""
          target: http://127.0.0.1:%d
          users:
            - name: u
              on_start: [{ws: /echo, name: echo}]
              tasks:
                - steps:
                    - ws_send: silence
                    - ws_await: {contains: never, timeout: 300ms}
          load: {requests: 2, concurrency: 1}
          """.formatted(echo.port()));
      assertThat(r.failures("WS", "echo await", "ws await timeout")).isEqualTo(2);
      assertThat(r.sample("WS", "echo await", "ws await timeout")).isEqualTo("no matching message within 300 ms");
    }
  }

  @Test
  void aServersCloseFailsTheAwaitWithItsCode() throws Exception {
    try (EchoServer echo = new EchoServer(0)) {
      PlanRun r = PlanRun.of("""
          target: http://127.0.0.1:%d
          users:
            - name: u
              wait: 1s
              on_start: [{ws: /echo, name: echo}]
              tasks:
                - steps:
                    - ws_send: close-me
                    - ws_await: {timeout: 5s}
          load: {requests: 1, concurrency: 1}
          """.formatted(echo.port()));
      assertThat(r.failures("WS", "echo await", "ws closed by server: 4001")).isEqualTo(1);
    }
  }

  @Test
  void aRefusedHandshakeAndARefusedConnectionFailTheConnect() throws Exception {
    try (EchoServer echo = new EchoServer(0)) {
      PlanRun r = PlanRun.of("""
          target: http://127.0.0.1:%d
          users:
            - name: u
              tasks:
                - steps:
                    - ws: /forbidden
                    - ws: ws://127.0.0.1:%d/nothing-here
          load: {requests: 4, concurrency: 1}
          """.formatted(echo.port(), Ports.free()));
      assertThat(r.failures("WS", "/forbidden", "ws handshake: HTTP 403")).isEqualTo(2);
      long refused = r.plan().endpoints().stream().filter(e -> e.name().endsWith("/nothing-here"))
          .mapToLong(e -> r.failures("WS", e.name(), "connection refused")).sum();
      assertThat(refused).isEqualTo(2);
    }
  }

  /** A user and password in a ws:// URL log in with HTTP Basic on the handshake, as they do for http://. */
  @Test
  void aUserAndPasswordInTheUrlLogInWithBasic() throws Exception {
    try (EchoServer echo = new EchoServer(0)) {
      PlanRun r = PlanRun.of("""
          target: http://127.0.0.1:%1$d
          users:
            - name: u
              tasks:
                - steps:
                    - ws: ws://bob:pw@127.0.0.1:%1$d/private
                    - ws_send: {text: hi}
                    - ws_await: {contains: hi, timeout: 5s}
                    - ws_close: {}
                    - ws: ws://bob:guess@127.0.0.1:%1$d/private
          load: {requests: 6, concurrency: 1}
          """.formatted(echo.port()));
      String in = "ws://bob:***@127.0.0.1:" + echo.port() + "/private";
      assertThat(r.plan().endpoints()).extracting(e -> e.name()).contains(in).noneMatch(n -> n.contains("pw"));
      assertThat(r.count("WS", in, Measures.REQUESTS)).isEqualTo(4);
      assertThat(r.failures("WS", in, "ws handshake: HTTP 401")).isEqualTo(2);
      assertThat(r.count("WS", in + " await", Measures.REQUESTS)).isEqualTo(2);
      assertThat(r.count("WS", in + " await", Measures.FAILURES)).isZero();
    }
  }
}
