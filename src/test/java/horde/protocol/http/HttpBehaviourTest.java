package horde.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import horde.Scenarios;
import horde.TestServer;
import horde.engine.Engine;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Body;
import horde.scenario.Measures;
import horde.scenario.Check;
import horde.scenario.HttpSettings;
import horde.scenario.Request;
import horde.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client does on the wire: TLS, redirects, gzip, keep-alive and the connection limit. */
class HttpBehaviourTest {
  @TempDir Path tmp;

  record Outcome(long requests, long failures, long bytesSent, long bytesReceived, Map<String, Long> reasons) {}

  static Outcome run(Scenario s) throws Exception {
    TestPlan plan = new Planner(Map.of()).plan(s);
    IntervalSnapshot rec;
    try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(2)))) {
      engine.start();
      engine.await();
      rec = engine.recorded();
    }
    Map<String, Long> reasons = new java.util.TreeMap<>();
    for (int r = 0; r < plan.reasons().size(); r++) if (rec.reasonCount(0, r) > 0) reasons.put(plan.reasons().name(r), rec.reasonCount(0, r));
    return new Outcome(rec.counter(0, Measures.REQUESTS), rec.counter(0, Measures.FAILURES),
        rec.counter(0, Measures.BYTES_SENT), rec.counter(0, Measures.BYTES_RECEIVED), reasons);
  }

  static Scenario with(Scenario s, HttpSettings http) {
    return s.toBuilder().http(http).build();
  }

  @Test
  void redirectsAreFollowedAndTimedAsOneRequest() throws Exception {
    try (TestServer server = new TestServer()
        .route("/old", ex -> {
          ex.getResponseHeaders().set("Location", "/new?from=old");
          ex.sendResponseHeaders(302, -1);
        })
        .route("/new", ex -> TestServer.reply(ex, 200, "{\"moved\":true}"))) {
      Request r = new Request("GET", "/old", null, null, null, null, null,
          List.of(new Check.BodyContains("moved")), null, null, null);
      Outcome o = run(Scenarios.steps(server.url(), Scenarios.requests(10, 2), r));
      assertThat(o.failures()).isZero();
      assertThat(o.requests()).isEqualTo(10);
      assertThat(server.served("/new")).isEqualTo(10);

      Outcome notFollowed = run(with(Scenarios.get(server.url(), "/old", Scenarios.requests(5, 1)),
          new HttpSettings(0, Duration.ofSeconds(5), false, 0, true)));
      assertThat(notFollowed.failures()).isZero(); // a 302 is not a failure when redirects are off
      assertThat(server.served("/new")).isEqualTo(10);
    }
  }

  @Test
  void aRedirectLoopFails() throws Exception {
    try (TestServer server = new TestServer().route("/loop", ex -> {
      ex.getResponseHeaders().set("Location", "/loop");
      ex.sendResponseHeaders(301, -1);
    })) {
      Outcome o = run(Scenarios.get(server.url(), "/loop", Scenarios.requests(3, 1)));
      assertThat(o.reasons()).containsEntry("too many redirects", 3L);
    }
  }

  @Test
  void gzipIsDecompressedAndCountedAsSentOnTheWire() throws Exception {
    String text = "{\"answer\":\"" + "lorem ipsum ".repeat(500) + "\"}";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    try (TestServer server = new TestServer().route("/zip", ex -> {
      assertThat(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, zipped.size());
      ex.getResponseBody().write(zipped.toByteArray());
    })) {
      Request r = new Request("GET", "/zip", null, null, null, null, null,
          List.of(new Check.BodyContains("lorem ipsum lorem")), null, null, null);
      Outcome o = run(Scenarios.steps(server.url(), Scenarios.requests(10, 1), r));
      assertThat(o.failures()).isZero();
      assertThat(o.bytesReceived() / 10).isBetween((long) zipped.size(), (long) zipped.size() + 400);
    }
  }

  @Test
  void aBodyTheSocketCannotTakeAtOnceArrivesWholeAndIsCountedOnce() throws Exception {
    // 16 MB: more than a loopback socket's send and receive buffers hold together (4 and 6 MB at
    // most), so the connection writes what the socket takes and leaves the rest to Netty
    String body = "0123456789abcdef".repeat(1 << 20);
    List<String> received = new CopyOnWriteArrayList<>();
    try (TestServer server = new TestServer().route("/big", ex -> {
      String got = TestServer.body();
      received.add(got.equals(body) ? "whole" : got.length() + " bytes, not the body sent");
      TestServer.reply(ex, 200, "{}");
    })) {
      Request r = new Request("POST", "/big", null, null, null, new Body.Raw(body, "text/plain"), null, null, null, null,
          null);
      Outcome o = run(Scenarios.steps(server.url(), Scenarios.requests(3, 1), r));
      assertThat(o.failures()).isZero();
      assertThat(received).containsExactly("whole", "whole", "whole");
      assertThat(o.bytesSent()).isBetween(3L * body.length(), 3L * (body.length() + 300));
    }
  }

  @Test
  void keepAliveReusesConnectionsAndTheLimitHolds() throws Exception {
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    try (TestServer server = new TestServer().route("/c", ex -> {
      clientPorts.add(ex.getRemoteAddress().getPort());
      Thread.sleep(5);
      TestServer.reply(ex, 200, "{}");
    })) {
      Scenario s = Scenarios.get(server.url(), "/c", Scenarios.requests(200, 10));
      Outcome unlimited = run(s);
      assertThat(unlimited.failures()).isZero();
      assertThat(clientPorts.size()).isBetween(1, 10); // at most one per user, reused
      clientPorts.clear();
      Outcome limited = run(with(s, new HttpSettings(3, Duration.ofSeconds(5), false, 5, true)));
      assertThat(limited.requests()).isEqualTo(200);
      assertThat(limited.failures()).isZero();
      assertThat(clientPorts.size()).isBetween(1, 3);
    }
  }

  @Test
  void tlsToASelfSignedTargetNeedsInsecure() throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair",
        "-alias", "test", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    https.setHttpsConfigurator(new HttpsConfigurator(ssl));
    https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    https.createContext("/secure", ex -> {
      try (ex) {
        TestServer.reply(ex, 200, "{\"secure\":true}");
      }
    });
    https.start();
    try {
      String url = "https://127.0.0.1:" + https.getAddress().getPort();
      Scenario s = Scenarios.get(url, "/secure", Scenarios.requests(10, 2));
      Outcome trusted = run(with(s, new HttpSettings(0, Duration.ofSeconds(5), true, 5, true)));
      assertThat(trusted.failures()).isZero();
      assertThat(trusted.requests()).isEqualTo(10);
      Outcome verified = run(s);
      assertThat(verified.reasons()).containsEntry("tls error", 10L);
    } finally {
      https.stop(0);
    }
  }
}
