package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lifecycle and HTTP/1.1 behaviour; raw sockets where HttpClient hides the wire. */
class SimulatorTest {
  @Test
  void startsAndStopsManyTimesWithoutLeakingThreads() throws Exception {
    for (int i = 0; i < 10; i++) {
      try (RunningSimulator sim = RunningSimulator.start(b -> b)) {
        assertThat(sim.simulator.port()).isPositive();
        assertThat(sim.simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.simulator.port());
        assertThat(sim.get("/health").json().get("status").stringValue()).isEqualTo("ok");
      }
    }
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (simulatorThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(simulatorThreads()).isZero();
  }

  @Test
  void aTakenPortIsAClearError() {
    try (RunningSimulator sim = RunningSimulator.start(b -> b)) {
      int port = sim.simulator.port();
      assertThatThrownBy(() -> Simulator.start(SimulatorOptions.defaults().withPort(port)))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("127.0.0.1:" + port);
    }
  }

  @Test
  void keepsTheConnectionAliveAndHonoursConnectionClose() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start(b -> b);
        Socket socket = connect(sim)) {
      String get = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
      String last = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write((get + last).getBytes(StandardCharsets.US_ASCII));
      String wire = readToEnd(socket.getInputStream()); // ends only if the server closes
      assertThat(wire.split("HTTP/1.1 200 OK", -1)).hasSize(3);
      assertThat(wire).contains("content-length: 15").contains("connection: close");
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start(b -> b);
        Socket socket = connect(sim)) {
      String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2}";
      String slow =
          "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body;
      String fast = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write((slow + fast).getBytes(StandardCharsets.US_ASCII));
      String wire = readToEnd(socket.getInputStream());
      assertThat(wire.indexOf("chat.completion")).isPositive().isLessThan(wire.indexOf("\"ok\""));
    }
  }

  @Test
  void malformedHttpIs400AndTheConnectionCloses() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start(b -> b);
        Socket socket = connect(sim)) {
      socket
          .getOutputStream()
          .write("GET /health HTTP/1.1\r\nBad Header\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 400");
      assertThat(sim.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() {
    try (RunningSimulator sim = RunningSimulator.start(b -> b)) {
      RunningSimulator.Reply missing = sim.get("/v2/nothing");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().at("/error/type").stringValue()).isEqualTo("not_found");
      RunningSimulator.Reply wrong = sim.get("/v1/chat/completions");
      assertThat(wrong.status()).isEqualTo(405);
      assertThat(wrong.header("allow")).isEqualTo("POST");
    }
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> SimulatorOptions.builder().capacity(0).build())
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> SimulatorOptions.builder().overloadStatus(500).build())
        .hasMessageContaining("429 or 503");
    assertThatThrownBy(() -> SimulatorOptions.builder().cacheHitRatio(1.5).build())
        .hasMessageContaining("cache-hit ratio");
    assertThat(SimulatorOptions.defaults().toBuilder().queue(3).build().queue()).isEqualTo(3);
  }

  private static long simulatorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("horde-simulator"))
        .count();
  }

  /** A raw connection that gives up reading after five seconds rather than hang the build. */
  private static Socket connect(RunningSimulator sim) throws IOException {
    Socket socket = new Socket("127.0.0.1", sim.simulator.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  private static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
