package horde.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/**
 * What bench/compare.sh asks of every generator, in Gatling: a closed model of {@code bench.users}
 * users that each loop on one request with no pause for {@code bench.seconds}, against
 * {@code bench.base}{@code bench.path} on 127.0.0.1. Each user keeps its own keep-alive connection
 * (Gatling's default, as a browser would; no {@code shareConnections()}), so the run holds as many
 * connections as users, as wrk's {@code -c} does.
 *
 * <p>With {@code bench.post=true} the request is the templated POST of Horde's benchmark: a JSON body
 * with a fresh UUID each time, a check that the answer is 200 with {@code $.ok} in its JSON, and that
 * value saved into the user's session.
 */
public class PeerSimulation extends Simulation {
  private static final String BASE = System.getProperty("bench.base", "http://127.0.0.1:8080");
  private static final String PATH = System.getProperty("bench.path", "/fast");
  private static final int USERS = Integer.getInteger("bench.users", 50);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final boolean POST = Boolean.getBoolean("bench.post");

  {
    if (!BASE.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("bench.base must be on 127.0.0.1: " + BASE);
    }
    // Gatling warms its HTTP client up with one request, by default to an outside site: here to
    // the target itself (nginx logs one request more than Gatling counts).
    HttpProtocolBuilder protocol = http.baseUrl(BASE).warmUp(BASE + PATH);
    ScenarioBuilder loop = scenario(POST ? "post" : "get").forever().on(request());
    setUp(loop.injectOpen(atOnceUsers(USERS))).protocols(protocol).maxDuration(Duration.ofSeconds(SECONDS));
  }

  private static HttpRequestActionBuilder request() {
    if (!POST) {
      return http("get").get(PATH);
    }
    return http("post").post(PATH)
        .body(StringBody("{\"id\":\"#{randomUuid()}\",\"text\":\"hello\"}")).asJson()
        .check(status().is(200), jsonPath("$.ok").exists().saveAs("ok"));
  }
}
