package horde.report;

import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.ResultJson;
import horde.result.RunResult;
import horde.run.TestRun;
import horde.scenario.Body;
import horde.scenario.CacheHit;
import horde.scenario.Extract;
import horde.scenario.Grade;
import horde.scenario.Group;
import horde.scenario.LlmSettings;
import horde.scenario.LlmSpec;
import horde.scenario.LoadProfile;
import horde.scenario.Phase;
import horde.scenario.Price;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.StreamSpec;
import horde.scenario.Task;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the streaming report fixture: a real run of the built-in simulator, past its knee, with
 * everything the reports show beyond plain requests. An open-model ladder of phases (4 to 24
 * arrivals a second, at most 40 users, a warm-up in the first), 70% streaming chat completions
 * (priced, tokens from usage) and 30% a two-request transaction whose answer says whether it came
 * from the cache. The YAML loader does not read streaming keys yet, so the scenario is built here.
 * Not a test: run it by hand and commit the file (about 80 s).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) horde.report.StreamingFixture \
 *     src/test/resources/horde/report/HtmlReportInBrowserTest/streaming-ladder.json
 * </pre>
 */
public final class StreamingFixture {
  private StreamingFixture() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/streaming-ladder.json");
    try (Simulator sim = Simulator.start(SimulatorOptions.builder().port(0).errorRate(0.002).build())) {
      Scenario s = scenario(sim.baseUrl());
      RunResult r = new TestRun(new Planner(Map.of()).plan(s), EngineOptions.DEFAULTS, "StreamingFixture.java")
          .execute(p -> System.out.println(ProgressLine.format(p)));
      ResultJson.write(r, out);
      System.out.println(ConsoleSummary.format(r));
      System.out.println("wrote " + out);
    }
  }

  static Scenario scenario(String target) {
    Map<String, Object> chatBody = Map.of("model", "gpt-4o-mini", "stream", true,
        "stream_options", Map.of("include_usage", true),
        "messages", List.of(Map.of("role", "user", "content", "Where is the knee of this service, and why there?")));
    Request chat = new Request("POST", "/v1/chat/completions", null, null, null, new Body.Json(chatBody), null, null, null,
        null, new StreamSpec(StreamSpec.Kind.OPENAI, null, null, null, Duration.ofSeconds(5)), null, null, null, null);
    Request open = new Request("POST", "/api/conversations", null, null, null, new Body.Json(Map.of("title", "refund")),
        null, null, null, List.of(new Extract("conversation_id", Extract.Source.JSON, "$.id", null)), null);
    Request ask = new Request("POST", "/api/conversations/${conversation_id}/messages", "/api/conversations/[id]/messages",
        null, null, new Body.Json(Map.of("text", "Why was I charged twice this month?")), null, null, null, null, null,
        new LlmSpec("$.usage.prompt_tokens", "$.usage.completion_tokens", "$.answer"), "gpt-4o-mini",
        new CacheHit(CacheHit.Source.JSON, "$.cached", null), null);
    UserClass streamer = new UserClass("streamer", 70, WaitTime.NONE, null, List.of(new Task("ask", 1, List.of(chat), null)),
        null, null);
    UserClass support = new UserClass("support", 30, WaitTime.NONE, null,
        List.of(new Task("support turn", 1, List.of(new Group("support turn", List.of(open, ask), null)), null)), null, null);
    List<Grade> grades = List.of(new Grade("EXCELLENT", t("ttft_p95 < 300ms")), new Grade("GOOD", t("ttft_p95 < 800ms")),
        new Grade("ACCEPTABLE", t("error_rate < 1%")), Grade.otherwise("POOR"));
    List<Phase> ladder = new ArrayList<>();
    for (int rate : new int[] {4, 8, 12, 16, 24}) {
      LoadProfile.Open load = new LoadProfile.Open(rate, List.of(new LoadProfile.RateStage(Duration.ofSeconds(15), rate)), 40,
          LoadProfile.Open.Arrivals.POISSON, rate == 4 ? Duration.ofSeconds(5) : null);
      ladder.add(new Phase(rate + "/s", load, List.of(t("ttft_p95 < 1s"), t("error_rate < 1%"),
          ThresholdParser.parse("p95 < 3s", null, Threshold.Level.WARN, SourcePosition.UNKNOWN)), grades, null));
    }
    LlmSettings llm = new LlmSettings(null, Map.of("gpt-4o-mini", new Price(0.15, 0.60, 0)), null);
    List<Threshold> whole = List.of(t("dropped_iterations < 1"), t("cost_per_request < $0.001"),
        ThresholdParser.parse("cache_hit_rate > 20%", "/api/conversations/[id]/messages", Threshold.Level.WARN,
            SourcePosition.UNKNOWN));
    return Scenario.builder("llm-gateway", target).users(List.of(streamer, support)).thresholds(whole).grades(grades)
        .phases(ladder).llm(llm).build();
  }

  private static Threshold t(String expression) {
    return ThresholdParser.parse(expression, null, Threshold.Level.FAIL, SourcePosition.UNKNOWN);
  }
}
