package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import horde.HordeProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of connections past the simulator's descriptor limit pauses accepting, and it serves
 * again once they close: it never stops for good.
 */
class DescriptorBurstTest {
  @TempDir Path tmp;

  @Test
  void survivesABurstPastItsDescriptorLimitAndServesAgain() throws Exception {
    try (HordeProcess sim = HordeProcess.withDescriptors(256, tmp, "simulate", "--port", "0", "--threads", "2")) {
      String base = url(sim);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      assertThat(health(base)).isEqualTo(200);
      List<Socket> burst = new ArrayList<>();
      try {
        for (int i = 0; i < 600; i++) { // each an accepted connection, or one waiting in the backlog
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", URI.create(base).getPort()), 2000);
          burst.add(s);
        }
        Thread.sleep(1000);
      } finally {
        for (Socket s : burst) s.close();
      }
      int status = 0;
      for (int i = 0; i < 50 && status != 200; i++) {
        status = health(base);
        if (status != 200) Thread.sleep(200);
      }
      assertThat(status).as(sim.output()).isEqualTo(200);
      String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher pauses = Pattern.compile("horde_simulator_accept_pauses_total (\\d+)").matcher(metrics);
      assertThat(pauses.find() && Long.parseLong(pauses.group(1)) > 0).as(metrics).isTrue();
      assertThat(sim.output()).doesNotContain("Exception");
    }
  }

  /** The URL the simulator printed once it listens. */
  static String url(HordeProcess sim) throws Exception {
    assertThat(sim.awaitOutput("listening on", 30)).as(sim.output()).isTrue();
    Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(sim.output());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** The status of {@code GET /health} on a new connection (a kept-alive one would prove nothing), or -1. */
  static int health(String base) throws InterruptedException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", URI.create(base).getPort()), 2000);
      s.setSoTimeout(2000);
      s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: sim\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
