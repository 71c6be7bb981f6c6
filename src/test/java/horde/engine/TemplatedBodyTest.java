package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.TestServer;
import horde.scenario.Measures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A request whose body alone changes: its request line and headers are made once and each send adds
 * the body it renders. What a real server reads must be whole and right every time: each request's
 * own body, its length in bytes, the headers, on several loops at once, and after a redirect or
 * with the jar's cookies (which the once-made head does not hold).
 */
class TemplatedBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server read: method, path, the headers asked for and the body, as sent. */
  record Seen(String method, String path, String key, String type, String length, String cookie, byte[] body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

  private TestServer server() throws Exception {
    TestServer.Route record = ex -> {
      var h = ex.getRequestHeaders();
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), h.getFirst("X-Key"),
          h.getFirst("Content-Type"), h.getFirst("Content-Length"), h.getFirst("Cookie"),
          TestServer.body().getBytes(StandardCharsets.UTF_8)));
      TestServer.reply(ex, 200, "{\"ok\":true}");
    };
    return new TestServer().route("/items", record).route("/moved-to", record)
        .route("/login", ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "sid=abc; Path=/");
          TestServer.reply(ex, 200, "{}");
        })
        .route("/moved", ex -> {
          ex.getResponseHeaders().add("Location", "/moved-to");
          ex.sendResponseHeaders(Integer.parseInt(ex.getRequestURI().getQuery().substring("status=".length())), -1);
        });
  }

  @Test
  void eachRequestCarriesItsOwnBodyAndLengthBehindTheSameHead() throws Exception {
    try (TestServer server = server()) {
      PlanRun r = PlanRun.of("""
          target: %s
          variables: {word: "café ☕"}
          users:
            - name: u
              tasks:
                - post: /items
                  headers: {X-Key: k1}
                  json: {id: "${uuid}", n: "${counter}", word: "${word}", user: "${user_id}"}
                  check: {status: 200, json: {$.ok: true}}
          load: {requests: 400, concurrency: 8}
          """.formatted(server.url()));
      assertThat(r.count("POST", "/items", Measures.FAILURES)).isZero();
      assertThat(seen).hasSize((int) r.count("POST", "/items", Measures.REQUESTS)).hasSizeGreaterThanOrEqualTo(400);
      List<String> ids = seen.stream().map(s -> s.path + " " + new String(s.body, StandardCharsets.UTF_8)).toList();
      assertThat(ids).doesNotHaveDuplicates();
      for (Seen s : seen) {
        assertThat(s.method).isEqualTo("POST");
        assertThat(s.path).isEqualTo("/items");
        assertThat(s.key).isEqualTo("k1");
        assertThat(s.type).isEqualTo("application/json");
        assertThat(Integer.parseInt(s.length)).isEqualTo(s.body.length);
        JsonNode body = s.json();
        assertThat(body.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(body.get("n").asText()).matches("\\d+");
        assertThat(body.get("word").asText()).isEqualTo("café ☕");
        assertThat(body.get("user").asText()).matches("\\d+");
      }
    }
  }

  /** 307 keeps the method and the body; 303 makes a GET without one. */
  @Test
  void aRedirectIsEncodedFromTheRequestsParts() throws Exception {
    for (int status : new int[] {307, 303}) {
      seen.clear();
      try (TestServer server = server()) {
        PlanRun r = PlanRun.of("""
            target: %s
            users:
              - name: u
                tasks:
                  - post: /moved?status=%d
                    headers: {X-Key: k2}
                    json: {n: "${counter}"}
            load: {requests: 6, concurrency: 1}
            """.formatted(server.url(), status));
        assertThat(r.count("POST", "/moved?status=" + status, Measures.FAILURES)).isZero();
        assertThat(seen).hasSize(6);
        for (Seen s : seen) {
          assertThat(s.path).isEqualTo("/moved-to");
          assertThat(s.key).isEqualTo("k2");
          if (status == 307) {
            assertThat(s.method).isEqualTo("POST");
            assertThat(Integer.parseInt(s.length)).isEqualTo(s.body.length);
            assertThat(s.json().get("n").asText()).matches("\\d+");
          } else {
            assertThat(s.method).isEqualTo("GET");
            assertThat(s.body).isEmpty();
          }
        }
      }
    }
  }

  /** The once-made head has no Cookie header: a user with cookies sends its request encoded whole. */
  @Test
  void theJarsCookiesGoWithATemplatedBody() throws Exception {
    try (TestServer server = server()) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              on_start: [{get: /login}]
              tasks: [{post: /items, headers: {X-Key: k3}, json: {n: "${counter}"}}]
          load: {requests: 12, concurrency: 2}
          """.formatted(server.url()));
      assertThat(r.count("POST", "/items", Measures.FAILURES)).isZero();
      assertThat(seen).hasSize((int) r.count("POST", "/items", Measures.REQUESTS)).hasSizeGreaterThanOrEqualTo(10);
      for (Seen s : seen) {
        assertThat(s.cookie).isEqualTo("sid=abc");
        assertThat(s.key).isEqualTo("k3");
        assertThat(Integer.parseInt(s.length)).isEqualTo(s.body.length);
        assertThat(s.json().get("n").asText()).matches("\\d+");
      }
    }
  }
}
