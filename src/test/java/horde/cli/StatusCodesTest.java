package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server that answers a known mix of statuses: exactly those counts come out per endpoint in
 * the console, the result file, the HTML report and the CSV files, expected statuses included,
 * and thresholds on them judge those counts.
 */
class StatusCodesTest {
  @TempDir Path tmp;

  @Test
  void everyAnswersStatusIsCountedInEveryFormat() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (TestServer server = new TestServer().route("/mixed", ex -> {
      int i = n.getAndIncrement() % 10; // of each 10: six 200, three 429, one 503
      TestServer.reply(ex, i < 6 ? 200 : i < 9 ? 429 : 503, "{}");
    })) {
      Path scenario = tmp.resolve("mix.yaml");
      Files.writeString(scenario, """
          name: mix
          target: %s
          users:
            - name: u
              tasks:
                - get: /mixed
                  expect_status: [200, 429]
          load: { requests: 100, concurrency: 1 }
          thresholds:
            - status_429_rate < 50%%
            - status_5xx_count == 0
            - {expr: status_200_count == 60, endpoint: /mixed}
          """.formatted(server.url()));
      Path out = tmp.resolve("out");
      Cli cli = Cli.run("run", scenario.toString(), "-q", "--out", out + "/r.json", "--html", out + "/r.html", "--csv",
          out + "/locust");
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
      assertThat(cli.out()).contains("Answers by status").containsPattern("GET +/mixed +200: 60  429: 30  503: 10");
      assertThat(cli.out()).containsPattern("pass +status_429_rate < 50% +actual 30%")
          .containsPattern("FAIL +status_5xx_count == 0 +actual 10")
          .containsPattern("pass +status_200_count == 60 \\[/mixed\\] +actual 60");

      JsonNode r = JsonMapper.builder().build().readTree(out.resolve("r.json").toFile());
      JsonNode endpoint = r.path("endpoints").get(0);
      assertThat(endpoint.path("statuses").path("200").asLong()).isEqualTo(60);
      assertThat(endpoint.path("statuses").path("429").asLong()).isEqualTo(30);
      assertThat(endpoint.path("statuses").path("503").asLong()).isEqualTo(10);
      assertThat(endpoint.path("failures").asLong()).isEqualTo(10); // 429 was declared: not a failure
      assertThat(endpoint.path("failure_kinds").path("HTTP 503").asString()).isEqualTo("http");
      assertThat(r.path("summary").path("statuses").path("429").asLong()).isEqualTo(30);
      long perSecond = 0;
      for (JsonNode second : r.path("intervals").path("seconds")) {
        for (JsonNode e : second.path("e")) perSecond += e.path("status").path("429").asLong();
      }
      assertThat(perSecond).as("the per-second intervals add up").isEqualTo(30);

      assertThat(Files.readString(out.resolve("r.html"))).contains("200 × 60 · 429 × 30 · 503 × 10");
      assertThat(Files.readAllLines(out.resolve("locust_statuses.csv")))
          .containsExactly("Type,Name,Status,Count", "GET,/mixed,200,60", "GET,/mixed,429,30", "GET,/mixed,503,10");
    }
  }
}
