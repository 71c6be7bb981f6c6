package horde.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import horde.Cli;
import horde.TestServer;
import horde.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache hits are billed as providers bill cached prompt tokens: their input at {@code
 * cached_input}, the difference reported as saved, and the cost per request over priced requests
 * the same in the result, the summary and the finding.
 */
class CachedInputPriceTest {
  @TempDir Path tmp;

  @Test
  void cacheHitsPayTheCachedInputPriceAndTheSavingIsReported() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (TestServer server = new TestServer()
        .route("/ask", ex -> TestServer.reply(ex, 200, "{\"usage\": {\"prompt_tokens\": 1000, \"completion_tokens\": 100},"
            + " \"cached\": " + (n.getAndIncrement() % 2 == 0) + "}"))
        .route("/health", ex -> TestServer.reply(ex, 200, "{}"))) {
      Path scenario = Files.writeString(tmp.resolve("s.yaml"), """
          name: cached
          target: %s
          llm:
            prices:
              m: {input: 1.0, cached_input: 0.1, output: 2.0}
          users:
            - name: u
              tasks:
                - {name: ask, weight: 1, post: /ask, json: {q: hi}, model: m, cache_hit: {json: $.cached},
                   llm: {input_tokens: $.usage.prompt_tokens, output_tokens: $.usage.completion_tokens}}
          load: { requests: 100, concurrency: 1 }
          thresholds:
            - cost_per_request < $0.01
          """.formatted(server.url()));
      Cli cli = Cli.run("run", scenario.toString(), "-q", "--out", tmp.resolve("r.json").toString());
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
      JsonNode llm = JsonMapper.builder().build().readTree(tmp.resolve("r.json").toFile()).path("summary").path("llm");
      // 50 misses: 1000 × 1.0 + 100 × 2.0 per million = $0.0012; 50 hits: 1000 × 0.1 + 100 × 2.0 = $0.0003
      assertThat(llm.path("cost").asDouble()).isCloseTo(50 * 0.0012 + 50 * 0.0003, within(1e-9));
      assertThat(llm.path("cost_saved").asDouble()).isCloseTo(50 * 1000 * 0.9 / 1e6, within(1e-9));
      assertThat(llm.path("cached_input_tokens").asLong()).isEqualTo(50_000);
      assertThat(llm.path("priced_requests").asLong()).isEqualTo(100);
      assertThat(llm.path("cost_per_request").asDouble()).isCloseTo(0.00075, within(1e-12));
      assertThat(cli.out()).contains("cost $0.075 ($0.00075 a priced request); cached input saved $0.045");
      JsonNode cost = null;
      for (JsonNode f : JsonMapper.builder().build().readTree(tmp.resolve("r.json").toFile()).path("findings")) {
        if (f.path("kind").asString().equals("cost")) cost = f;
      }
      assertThat(cost).isNotNull();
      assertThat(cost.path("text").asString()).contains("$0.75 per 1,000 priced requests",
          "the cached-input price saved $0.045 on 50,000 input tokens");
    }
  }
}
