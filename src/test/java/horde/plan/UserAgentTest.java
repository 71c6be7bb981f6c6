package horde.plan;

import static horde.dsl.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Scenario;
import horde.scenario.Version;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Requests and WebSocket handshakes say they come from this Horde unless the scenario says otherwise; no network. */
class UserAgentTest {
  private static final String OURS = "horde/" + Version.VALUE;

  @Test
  void requestsAndHandshakesCarryHordesVersion() {
    assertThat(userAgents(scenario("ua").target("http://127.0.0.1:1").task(get("/a"))
        .task(task().step(ws("/s"), wsClose())).build())).containsExactly(OURS, OURS);
    assertThat(OURS).matches("horde/\\S+");
  }

  @Test
  void aDefaultHeaderReplacesIt() {
    assertThat(userAgents(scenario("ua").target("http://127.0.0.1:1").defaultHeader("user-agent", "probe/1")
        .task(get("/a")).task(task().step(ws("/s"), wsClose())).build())).containsExactly("probe/1", "probe/1");
  }

  /** The User-Agent of each request, then of each handshake, as the plan will send it. */
  private static List<String> userAgents(Scenario s) {
    TestPlan plan = new Planner(Map.of()).plan(s);
    List<StepPlan> steps = plan.users().stream().flatMap(u -> u.tasks().stream()).flatMap(t -> t.steps().stream()).toList();
    Stream<List<ParamPlan>> headers = Stream.concat(Steps.requests(steps).map(RequestPlan::headers),
        Steps.sockets(steps).flatMap(w -> w instanceof WsPlan.Connect c ? Stream.of(c.headers()) : Stream.empty()));
    return headers.map(h -> h.stream().filter(p -> p.name().equalsIgnoreCase("User-Agent")).findFirst().orElseThrow()
        .value().constant()).toList();
  }
}
