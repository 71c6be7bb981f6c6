package horde.server;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.history.Location;
import horde.history.RunHistory;
import horde.report.SampleResults;
import horde.result.ResultJson;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The REST API driven over HTTP: every route, bad ids and names, traversal attempts, the token. */
class ApiServerTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path tmp;
  ApiServer api;
  RunHistory history;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    history = RunHistory.open(Location.of(tmp.resolve("history.db").toString()));
    api = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), history, null);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.uri() + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(method, path, body, null);
  }

  JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  static String result(String scenario, String startedAt) {
    ObjectNode root = ResultJson.toJson(SampleResults.small());
    ((ObjectNode) root.path("scenario")).put("name", scenario);
    root.put("started_at", startedAt);
    return root.toString();
  }

  /** Uploads a result file and returns its id. */
  long upload(String scenario, String startedAt, String query) throws Exception {
    HttpResponse<String> r = call("POST", "/api/runs" + query, result(scenario, startedAt));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("id").asLong();
  }

  @Test
  void runsAreUploadedListedAndShown() throws Exception {
    long a = upload("chat", "2026-01-01T10:00:00Z", "?tag=env=ci");
    long b = upload("search", "2026-01-02T10:00:00Z", "?tag=env=prod&tag=commit=abc");
    JsonNode all = json(call("GET", "/api/runs", null));
    assertThat(all.path("total").asLong()).isEqualTo(2);
    assertThat(all.path("runs").get(0).path("id").asLong()).isEqualTo(b);
    assertThat(all.path("runs").get(0).path("tags").path("commit").asString()).isEqualTo("abc");
    JsonNode page = json(call("GET", "/api/runs?limit=1&offset=1", null));
    assertThat(page.path("runs").size()).isEqualTo(1);
    assertThat(page.path("runs").get(0).path("id").asLong()).isEqualTo(a);
    assertThat(json(call("GET", "/api/runs?scenario=chat", null)).path("total").asLong()).isEqualTo(1);
    assertThat(json(call("GET", "/api/runs?tag=env%3Dprod", null)).path("runs").get(0).path("id").asLong()).isEqualTo(b);
    JsonNode one = json(call("GET", "/api/runs/" + a, null));
    assertThat(one.path("scenario").asString()).isEqualTo("chat");
    assertThat(one.path("result").path("histograms").isObject()).isTrue();
    HttpResponse<String> html = call("GET", "/api/runs/" + a + "/report.html", null);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(html.body()).startsWith("<!doctype html>");
    assertThat(call("GET", "/api/runs/" + a + "/report.csv", null).body()).startsWith("Type,Name,Request Count");
    assertThat(call("GET", "/api/runs/" + a + "/report.junit.xml", null).body()).contains("<testsuites");
  }

  @Test
  void baselinesAreSetShownAndDeletedAndCompared() throws Exception {
    long a = upload("chat", "2026-01-01T10:00:00Z", "");
    long b = upload("chat", "2026-01-02T10:00:00Z", "");
    HttpResponse<String> set = call("POST", "/api/baselines", "{\"name\": \"prod-v1\", \"runs\": [" + a + "], \"description\": \"d\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
    assertThat(call("POST", "/api/baselines/two", "{\"runs\": [" + a + ", " + b + "]}").statusCode()).isEqualTo(201);
    assertThat(json(call("GET", "/api/baselines", null)).path("baselines").size()).isEqualTo(2);
    assertThat(json(call("GET", "/api/baselines/prod-v1", null)).path("runs").get(0).asLong()).isEqualTo(a);
    JsonNode compared = json(call("GET", "/api/compare?run=" + b + "&baseline=prod-v1", null));
    assertThat(compared.path("verdict").asString()).isEqualTo("unchanged");
    assertThat(compared.path("candidate").asString()).isEqualTo("run " + b);
    assertThat(json(call("GET", "/api/compare?run=latest&against=" + a, null)).path("baseline").asString()).isEqualTo("run " + a);
    assertThat(call("GET", "/api/compare?run=latest&baseline=two&format=html", null).body()).contains("Horde comparison");
    assertThat(call("GET", "/api/compare?run=latest&baseline=two&format=junit", null).body()).contains("<testsuites");
    assertThat(call("GET", "/api/compare?run=latest&baseline=two&format=pdf", null).statusCode()).isEqualTo(400);
    assertThat(call("GET", "/api/compare?run=latest", null).statusCode()).isEqualTo(400);
    assertThat(call("GET", "/api/compare?run=latest&baseline=nope", null).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/api/baselines/prod-v1", null).statusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/api/baselines/prod-v1", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/baselines/prod-v1", null).statusCode()).isEqualTo(404);
  }

  @Test
  void searchesAreListedAndComparedByTheirKnees() throws Exception {
    long plain = upload("chat", "2026-01-01T10:00:00Z", "");
    long[] ids = new long[2];
    int i = 0;
    for (var search : java.util.List.of(horde.history.HistoryFixtures.search(java.util.List.of(1, 2, 4), java.util.List.of(8, 6, 5)),
        horde.history.HistoryFixtures.search(java.util.List.of(1, 2), java.util.List.of(4, 3)))) {
      HttpResponse<String> r = call("POST", "/api/runs", ResultJson.toJson(search).toString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      ids[i++] = json(r).path("id").asLong();
    }
    JsonNode runs = json(call("GET", "/api/runs", null)).path("runs");
    assertThat(runs.findValues("search")).hasSize(2);
    JsonNode listed = json(call("GET", "/api/runs/" + ids[0], null));
    assertThat(listed.path("search").toString()).isEqualTo("{\"kind\":\"users\",\"steps\":6,\"knee\":4.0,\"first_failed\":5.0}");
    assertThat(json(call("GET", "/api/runs/" + plain, null)).has("search")).isFalse();
    JsonNode knees = json(call("GET", "/api/compare?run=" + ids[1] + "&against=" + ids[0], null));
    assertThat(knees.path("compared").asString()).isEqualTo("knees");
    assertThat(knees.path("verdict").asString()).isEqualTo("regressed");
    assertThat(call("GET", "/api/compare?run=" + ids[1] + "&against=" + ids[0] + "&format=html", null).body())
        .contains("Verdict: REGRESSED");
    assertThat(call("GET", "/api/compare?run=" + ids[1] + "&against=" + plain, null).statusCode()).isEqualTo(400);
  }

  @Test
  void badInputIsRefusedWithAMessage() throws Exception {
    long a = upload("chat", "2026-01-01T10:00:00Z", "");
    String[][] cases = {
        {"GET", "/api/runs/abc", "400", "run id"},
        {"GET", "/api/runs/-1", "400", "run id"},
        {"GET", "/api/runs/99999", "404", "no run 99999"},
        {"GET", "/api/runs/99999999999999999999", "400", "run id"},
        {"GET", "/api/runs?limit=0", "400", "limit"},
        {"GET", "/api/runs?limit=x", "400", "limit"},
        {"GET", "/api/runs?tag=novalue", "400", "NAME=VALUE"},
        {"GET", "/api/nothing", "404", "no such resource"},
        {"PUT", "/api/runs", "405", "not allowed"},
        {"GET", "/api/baselines/bad%20name", "400", "baseline name"},
        {"POST", "/api/baselines", "400", "baseline name"},
        {"GET", "/api/compare?run=1;DROP&baseline=x", "400", "run id"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = call(c[0], c[1], c[0].equals("POST") ? "{\"runs\": [" + a + "]}" : null);
      assertThat(r.statusCode()).as(c[0] + " " + c[1] + ": " + r.body()).isEqualTo(Integer.parseInt(c[2]));
      assertThat(json(r).path("error").asString()).as(c[1]).contains(c[3]);
    }
    assertThat(call("PUT", "/api/runs", null).headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(call("POST", "/api/runs", "{not json").statusCode()).isEqualTo(400);
    assertThat(json(call("POST", "/api/runs", "{\"hello\": 1}")).path("error").asString()).contains("not a Horde result file");
    assertThat(call("POST", "/api/baselines", "{\"name\": \"x\", \"runs\": [\"1\"]}").statusCode()).isEqualTo(400);
    assertThat(json(call("POST", "/api/baselines", "{\"name\": \"x\", \"runs\": [424242]}")).path("error").asString())
        .contains("no run 424242");
    assertThat(history.runs(horde.history.RunQuery.latest(10)).total()).isEqualTo(1);
  }

  @Test
  void pathTraversalNamesNothing() throws Exception {
    upload("chat", "2026-01-01T10:00:00Z", "");
    for (String path : new String[] {"/api/runs/..%2F..%2Fetc%2Fpasswd", "/api/runs/%2e%2e", "/api/baselines/..%2Fx",
        "/api/baselines/a%00b", "/api/baselines/%2e", "/api/runs/1%2Freport.html", "/api/baselines/a%5Cb"}) {
      HttpResponse<String> r = call("GET", path, null);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
      assertThat(json(r).path("error").asString()).isNotBlank();
    }
    HttpResponse<String> raw = call("GET", "/api/runs/../../etc/passwd", null);
    assertThat(raw.statusCode()).isIn(400, 404);
    assertThat(raw.body()).doesNotContain("root:");
  }

  @Test
  void aTokenIsNeededOnEveryCallWhenGiven() throws Exception {
    api.close();
    api = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), history, "s3cret-token");
    assertThat(call("GET", "/api/runs", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/openapi.json", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/runs", null, "wrong").statusCode()).isEqualTo(401);
    assertThat(call("POST", "/api/runs", result("chat", "2026-01-01T10:00:00Z"), null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/runs", null, "s3cret-token").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/runs", null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    // beyond loopback only with a token
    Cli refused = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0", "--db", tmp.resolve("history.db").toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--token").contains("HORDE_TOKEN");
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() throws Exception {
    JsonNode doc = json(call("GET", "/api/openapi.json", null));
    assertThat(doc.path("openapi").asString()).startsWith("3.1");
    for (String route : ApiServer.routes(history).patterns()) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      String path = route.substring(route.indexOf(' ') + 1);
      assertThat(doc.path("paths").path(path).has(method)).as(route).isTrue();
    }
    int documented = 0;
    for (Iterator<String> it = doc.path("paths").propertyNames().iterator(); it.hasNext(); ) {
      documented += doc.path("paths").path(it.next()).size();
    }
    assertThat(documented).isEqualTo(ApiServer.routes(history).patterns().size());
  }
}
