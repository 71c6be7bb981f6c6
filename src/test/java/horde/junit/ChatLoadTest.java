package horde.junit;

import static horde.dsl.Dsl.*;
import static horde.junit.HordeAssertions.assertThat;

import horde.Horde;
import horde.result.RunResult;
import horde.scenario.Scenario;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.util.Map;

/** The example of docs/java-api.md, run for real against the built-in simulator. */
class ChatLoadTest {
  @LoadTest
  void theChatApiHoldsFiveUsers() throws Exception {
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) { // on a free port
      Scenario chat =
          scenario("chat")
              .target(sim.baseUrl())
              .user(
                  user("chatter")
                      .waitBetween("100ms", "300ms")
                      .onStart(
                          post("/api/conversations")
                              .json(Map.of("title", "load test"))
                              .save("conversation_id", "$.id"))
                      .task(
                          post("/api/conversations/${conversation_id}/messages")
                              .name("/api/conversations/[id]/messages")
                              .json(Map.of("text", "Where is my order?"))
                              .check(status(200), jsonPath("$.answer").present())))
              .load(users(5).runTime("3s"))
              .threshold("p95 < 3s", "error_rate < 1%")
              .build();

      RunResult result = Horde.run(chat);

      assertThat(result)
          .meetsCriteria()
          .hasNoFailures()
          .holds("/api/conversations/[id]/messages", "p50 < 2s");
    }
  }
}
