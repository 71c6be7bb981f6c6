package horde.junit;

import static horde.dsl.Dsl.*;
import static horde.junit.HordeAssertions.assertThat;

import horde.Horde;
import horde.result.RunResult;
import horde.scenario.Scenario;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;

/** The streaming example of docs/java-api.md, run for real against the built-in simulator. */
class StreamingLoadTest {
  @LoadTest
  void theModelStreamsFastEnoughAndCheaply() throws Exception {
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) {
      Scenario chat =
          scenario("openai-streaming")
              .target(sim.baseUrl())
              .price("gpt-4o-mini", 0.15, 0.60) // dollars per million input, output tokens
              .task(
                  post("/v1/chat/completions")
                      .stream(openai()) // time each token; usage from the last chunk
                      .json(
                          """
                          {"model": "gpt-4o-mini", "stream": true,
                           "stream_options": {"include_usage": true},
                           "messages": [{"role": "user", "content": "Where is the knee?"}]}""")
                      .check(status(200)))
              .load(users(4).runTime("3s"))
              .threshold("ttft_p95 < 500ms", "itl_p99 < 100ms", "cost < $0.01")
              .build();

      RunResult result = Horde.run(chat);

      assertThat(result)
          .meetsCriteria()
          .hasNoFailures()
          .holds("output_tokens_per_s > 50")
          .holds("/v1/chat/completions", "tokens_per_s_p50 > 20");
    }
  }
}
