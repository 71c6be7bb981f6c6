package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator's own documents: its OpenAPI description, true to its routes, and the demo page. */
class SiteTest {
  @Test
  void theOpenApiDocumentDescribesEveryRouteAndOnlyRealOnes() {
    try (var sim = RunningSimulator.start(b -> b)) {
      RunningSimulator.Reply doc = sim.get("/openapi.json");
      assertThat(doc.status()).isEqualTo(200);
      assertThat(doc.json().path("openapi").asString()).startsWith("3.0");
      Set<String> documented = new HashSet<>();
      for (Map.Entry<String, JsonNode> path : doc.json().path("paths").properties()) {
        for (String method : List.of("get", "post", "put", "patch", "delete")) {
          if (!path.getValue().has(method)) continue;
          String template = path.getKey().replaceAll("\\{[^}]+}", "{id}");
          documented.add(method.toUpperCase() + " " + template);
          // every documented operation reaches a handler: no "no route" 404, no 405
          String concrete = path.getKey().replaceAll("\\{[^}]+}", "nope");
          RunningSimulator.Reply r = sim.send(sim.request(concrete).method(method.toUpperCase(),
              HttpRequest.BodyPublishers.ofString("{}")).header("content-type", "application/json").build());
          assertThat(r.status()).as(method + " " + concrete).isNotEqualTo(405);
          assertThat(r.raw().body()).as(method + " " + concrete).doesNotContain("no route for");
        }
      }
      List<String> routes = new ArrayList<>();
      for (Endpoint e : Endpoint.values()) {
        if (e != Endpoint.OTHER && e != Endpoint.OPENAPI && e != Endpoint.DEMO) routes.add(e.method() + " " + e.template());
      }
      assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }
  }

  @Test
  void theDemoPageAndItsFiles() {
    try (var sim = RunningSimulator.start(b -> b)) {
      RunningSimulator.Reply page = sim.get("/demo/index.html");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
      assertThat(page.raw().body()).contains("<script src=\"demo.js\"></script>");
      assertThat(sim.get("/demo/demo.js").header("content-type")).startsWith("text/javascript");
      assertThat(sim.get("/demo/demo.css").header("content-type")).startsWith("text/css");
      RunningSimulator.Reply missing = sim.get("/demo/other.html");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(sim.metric("horde_simulator_requests_total{method=\"GET\",endpoint=\"/demo/{id}\",status=\"200\"}")).isEqualTo(3);
    }
  }
}
