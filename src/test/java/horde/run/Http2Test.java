package horde.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.H2FaultServer;
import horde.Nginx;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.scenario.FailureKind;
import horde.scenario.HttpSettings;
import horde.scenario.LoadProfile;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 against a real nginx that speaks h2 over TLS (ALPN, a certificate made by the test) and
 * h2c: nginx's access log holds exactly the requests Horde counted, as {@code HTTP/2.0}, and the
 * connection numbers it logs show several requests in flight on one connection.
 */
@Alone
class Http2Test {
  @TempDir Path tmp;

  void nginxIsHere() {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
  }

  static RunResult run(String url, HttpSettings http, Request r, LoadProfile load) throws Exception {
    UserClass u = new UserClass("u", 1, WaitTime.NONE, null, List.of(new Task("t", 1, List.of(r), null)), null, null);
    Scenario s = Scenario.builder("h2", url).http(http).users(List.of(u)).load(load).build();
    return new TestRun(new Planner(Map.of()).plan(s), EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(3)), null)
        .execute(p -> {});
  }

  private Nginx nginx;

  /** A run against a fresh nginx, stopped after it (which completes its access log). */
  private RunResult onNginx(Function<Nginx, String> url, HttpSettings http, String path, LoadProfile load) throws Exception {
    nginxIsHere();
    nginx = Nginx.withHttp2(tmp.resolve("nginx"));
    try {
      return run(url.apply(nginx), http, StreamingTruthTest.get(path, null), load);
    } finally {
      nginx.close();
    }
  }

  static final HttpSettings H2 = HttpSettings.DEFAULTS.withVersion(HttpSettings.Version.HTTP_2).withInsecure(true);

  static LoadProfile users(int n, int seconds) {
    return new LoadProfile.Closed(n, n, Duration.ofSeconds(seconds), null);
  }

  /** The distinct connections nginx logged for these lines ({@code conn=N}). */
  static Set<String> connections(List<String> lines) {
    return lines.stream().map(l -> l.substring(l.indexOf("conn="))).map(c -> c.substring(5, c.indexOf(' ')))
        .collect(Collectors.toSet());
  }

  @Test
  void h2OverTlsCountsReconcileWithTheAccessLog() throws Exception {
    RunResult r = onNginx(Nginx::h2Url, H2, "/fast", users(20, 3));
    EndpointStats e = r.stats().endpoints().get(0);
    assertThat(e.requests()).isGreaterThan(200); // thousands on a quiet machine
    assertThat(e.failures()).as("%s", e.failuresByReason()).isZero();
    assertThat(e.statuses(200, 300)).isEqualTo(e.requests());
    assertThat(e.bytesReceived()).isGreaterThan(11 * e.requests()); // at least the body, {"ok":true}
    assertThat(nginx.lines("/fast", "HTTP/2.0")).hasSize((int) (e.requests() + r.stats().cancelledInFlight()));
    assertThat(nginx.lines("/fast", "HTTP/1.1")).isEmpty();
  }

  @Test
  void h2cMultiplexesUsersOnFewConnections() throws Exception {
    RunResult r = onNginx(Nginx::h2cUrl, H2, "/sleep/50", users(50, 3));
    EndpointStats e = r.stats().endpoints().get(0);
    List<String> logged = nginx.lines("/sleep/50", "HTTP/2.0");
    assertThat(e.failures()).as("%s", e.failuresByReason()).isZero();
    assertThat(e.requests()).isGreaterThan(1000); // 50 in flight, 50 ms each, for about 3 s: about 3000
    assertThat(logged).hasSize((int) (e.requests() + r.stats().cancelledInFlight()));
    // 50 users with a request always in flight, on one connection per event loop
    assertThat(connections(logged).size()).isLessThanOrEqualTo(EngineOptions.DEFAULTS.threadCount());
    assertThat(LatencySummary.of(e.latency()).p50()).isCloseTo(50, within(5.0));
  }

  @Test
  void maxStreamsCapsTheStreamsOfAConnection() throws Exception {
    RunResult r = onNginx(Nginx::h2cUrl, H2.withMaxStreams(5), "/sleep/50", users(20, 2));
    EndpointStats e = r.stats().endpoints().get(0);
    List<String> logged = nginx.lines("/sleep/50", "HTTP/2.0");
    assertThat(e.failures()).as("%s", e.failuresByReason()).isZero();
    assertThat(logged).hasSize((int) (e.requests() + r.stats().cancelledInFlight()));
    assertThat(connections(logged).size()).isGreaterThanOrEqualTo(4); // 20 in flight, 5 per connection
  }

  @Test
  void autoTakesH2WhenTheServerOffersIt() throws Exception {
    RunResult r = onNginx(Nginx::h2Url, H2.withVersion(HttpSettings.Version.AUTO), "/fast", users(5, 1));
    EndpointStats e = r.stats().endpoints().get(0);
    assertThat(e.failures()).as("%s", e.failuresByReason()).isZero();
    assertThat(nginx.lines("/fast", "HTTP/2.0")).hasSize((int) (e.requests() + r.stats().cancelledInFlight()));
  }

  @Test
  void autoFallsBackToHttp11WhenTheServerOffersNoH2() throws Exception {
    RunResult r = onNginx(Nginx::tls11Url, H2.withVersion(HttpSettings.Version.AUTO), "/fast", users(5, 1));
    EndpointStats e = r.stats().endpoints().get(0);
    assertThat(e.failures()).as("%s", e.failuresByReason()).isZero();
    assertThat(e.requests()).isPositive();
    assertThat(nginx.lines("/fast", "HTTP/1.1")).hasSize((int) (e.requests() + r.stats().cancelledInFlight()));
    assertThat(nginx.lines("/fast", "HTTP/2.0")).isEmpty();
  }

  @Test
  void version2RefusesAServerThatOffersNoH2() throws Exception {
    RunResult r = onNginx(Nginx::tls11Url, H2, "/fast", new LoadProfile.FixedCount(3, 1, null, null));
    EndpointStats e = r.stats().endpoints().get(0);
    assertThat(e.failuresByReason()).containsEntry("tls error", 3L);
    assertThat(nginx.lines("/fast", "HTTP/1.1")).isEmpty();
  }

  @Test
  void sseOverH2IsMeasuredAsSent() throws Exception {
    nginxIsHere();
    Nginx nginx = Nginx.withHttp2(tmp.resolve("nginx"));
    try {
      RunResult r = run(nginx.h2Url(), H2, StreamingTruthTest.get("/sse", StreamingTruthTest.SSE_DONE), users(10, 3));
      EndpointStats e = r.stats().endpoints().get(0);
      LlmStats llm = e.llm();
      assertThat(e.failures()).as("%s", e.failuresByReason()).isZero();
      assertThat(llm.streams()).isGreaterThan(30);
      assertThat(LatencySummary.of(llm.ttft()).p50()).isCloseTo(100, within(5.0));
      assertThat(LatencySummary.of(llm.itl()).p50()).isCloseTo(20, within(5.0));
      assertThat(llm.tokenEvents()).isEqualTo(20 * llm.streams());
      assertThat(llm.ttfb().getTotalCount()).isEqualTo(llm.streams());
    } finally {
      nginx.close();
    }
    assertThat(nginx.lines("/sse", "HTTP/2.0")).isNotEmpty();
  }

  @Test
  void aResetStreamIsAFailureOfItsRequestAloneTheConnectionGoesOn() throws Exception {
    try (H2FaultServer server = new H2FaultServer()) {
      RunResult r = run(server.url(), H2, StreamingTruthTest.get("/reset", null), new LoadProfile.FixedCount(20, 5, null, null));
      EndpointStats e = r.stats().endpoints().get(0);
      assertThat(e.requests()).isEqualTo(20);
      assertThat(e.failuresByReason()).containsExactly(Map.entry("stream reset", 20L));
      assertThat(e.failures(FailureKind.TRANSPORT)).isEqualTo(20);
      assertThat(server.requests("/reset")).isEqualTo(20);
      assertThat(server.connections()).isLessThanOrEqualTo(EngineOptions.DEFAULTS.threadCount()); // one per event loop
    }
  }

  @Test
  void aGoawayFailsTheStreamsItLeavesOutAndANewConnectionCarriesOn() throws Exception {
    try (H2FaultServer server = new H2FaultServer()) {
      RunResult r = run(server.url(), H2, StreamingTruthTest.get("/goaway", null), new LoadProfile.FixedCount(6, 1, null, null));
      EndpointStats e = r.stats().endpoints().get(0);
      assertThat(e.requests()).isEqualTo(6);
      assertThat(e.failuresByReason()).containsExactly(Map.entry("goaway", 6L));
      assertThat(server.requests("/goaway")).isEqualTo(6);
      assertThat(server.connections()).isEqualTo(6);
      RunResult ok = run(server.url(), H2, StreamingTruthTest.get("/ok", null), new LoadProfile.FixedCount(50, 10, null, null));
      assertThat(ok.stats().endpoints().get(0).failures()).isZero();
      assertThat(server.requests("/ok")).isEqualTo(50);
    }
  }

  /** A YAML run against a fresh nginx (its URLs given to {@code yaml}), stopped after it. */
  private RunResult yamlOnNginx(Function<Nginx, String> yaml) throws Exception {
    nginxIsHere();
    nginx = Nginx.withHttp2(tmp.resolve("nginx"));
    try {
      return runYaml(yaml.apply(nginx));
    } finally {
      nginx.close();
    }
  }

  RunResult runYaml(String yaml) throws Exception {
    Path file = tmp.resolve("s.yaml");
    java.nio.file.Files.writeString(file, yaml);
    Scenario s = horde.scenario.yaml.ScenarioLoader.load(file);
    return new TestRun(new Planner(Map.of()).plan(s), EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(3)), null)
        .execute(p -> {});
  }

  @Test
  void checksSavesAndStatusesWorkOverH2() throws Exception {
    RunResult r = yamlOnNginx(n -> """
          target: %s
          http: {version: 2, max_streams: 100}
          users:
            - name: u
              tasks:
                - get: /fast
                  check: { status: 200, json: { $.ok: true }, header: { content-type: application/json } }
                  save: { ok: $.ok }
                - get: /err
                  expect_status: 503
          load: { users: 10, spawn_rate: 10, run_time: 2s }
          """.formatted(n.h2cUrl()));
    Map<String, EndpointStats> byName = r.stats().endpoints().stream()
        .collect(Collectors.toMap(EndpointStats::name, e -> e));
    EndpointStats fast = byName.get("/fast"), err = byName.get("/err");
    assertThat(fast.failures()).as("%s", fast.failuresByReason()).isZero();
    assertThat(fast.requests()).isGreaterThan(5); // hundreds on a quiet machine
    assertThat(err.failures()).as("%s", err.failuresByReason()).isZero();
    assertThat(err.statuses(503, 504)).isEqualTo(err.requests());
    long cut = r.stats().cancelledInFlight(); // requests of any endpoint cut off by the run's end
    assertThat((long) nginx.lines("/fast", "HTTP/2.0").size()).isBetween(fast.requests(), fast.requests() + cut);
  }

  /**
   * A request that times out resets its stream (CANCEL): the connection, and its other streams, go
   * on. (Many users cancelling at once against nginx's echo_sleep make nginx 1.22 refuse new
   * streams, REFUSED_STREAM, as it still counts the cancelled ones: Horde counts those as
   * {@code stream reset}. A few users stay clear of that.)
   */
  @Test
  void aTimeoutResetsItsStreamOnly() throws Exception {
    RunResult r = yamlOnNginx(n -> """
          target: %s
          http: {version: 2}
          users:
            - name: u
              tasks:
                - get: /sleep/60
                  timeout: 20ms
          load: { users: 2, spawn_rate: 2, run_time: 2s }
          """.formatted(n.h2cUrl()));
    EndpointStats e = r.stats().endpoints().get(0);
    assertThat(e.requests()).isGreaterThan(5);
    assertThat(e.failuresByReason()).containsOnlyKeys("timeout");
    assertThat(connections(nginx.lines("/sleep/60", "HTTP/2.0")).size())
        .isLessThanOrEqualTo(EngineOptions.DEFAULTS.threadCount());
  }

  @Test
  void aTargetThatIsDownIsCountedAsRefusedRequestByRequest() throws Exception {
    int closed = horde.Ports.free(); // nothing listens there
    RunResult r = run("http://127.0.0.1:" + closed, H2, StreamingTruthTest.get("/fast", null),
        new LoadProfile.FixedCount(4, 2, null, null));
    EndpointStats e = r.stats().endpoints().get(0);
    assertThat(e.requests()).isEqualTo(4);
    assertThat(e.failuresByReason()).containsExactly(Map.entry("connection refused", 4L));
  }
}
