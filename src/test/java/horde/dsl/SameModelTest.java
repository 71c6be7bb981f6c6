package horde.dsl;

import static horde.dsl.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.FeederSpec;
import horde.scenario.Grade;
import horde.scenario.Preflight;
import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java API and the YAML format build the same model: for each scenario here, the one built in
 * Java equals the one loaded from YAML once source positions (which only the YAML has) are erased
 * with {@link Positions#erase}.
 */
class SameModelTest {
  private static final Path FOLDER = folder();

  private static Path folder() {
    try {
      return Path.of(SameModelTest.class.getResource("/horde/dsl/SameModelTest").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Scenario yaml(String name, String text) {
    return Positions.erase(ScenarioLoader.parse(text, name + ".yaml", FOLDER));
  }

  private static String data(String file) {
    return FOLDER.resolve("data").resolve(file).toString();
  }

  @Test
  void theSmallestScenario() {
    Scenario java = scenario("hello").target("http://127.0.0.1:8000").task(get("/health")).build();
    assertThat(java)
        .isEqualTo(yaml("hello", "target: http://127.0.0.1:8000\ntasks:\n  - get: /health\n"));
  }

  @Test
  void theReadmeTour() {
    Scenario java =
        scenario("chat-assistant")
            .target("http://127.0.0.1:8000")
            .defaultHeader("Authorization", "Bearer ${env.API_TOKEN:-test}")
            .user(
                user("chatter")
                    .waitBetween("1s", "3s")
                    .onStart(
                        post("/api/conversations")
                            .json(Map.of("title", "load test ${uuid}"))
                            .save("conversation_id", "$.id"))
                    .task(
                        post("/api/conversations/${conversation_id}/messages")
                            .name("ask")
                            .json(
                                """
                                {"text": "What is the capital of France?"}\
                                """)
                            .check(status(200), jsonPath("$.answer").present())))
            .load(users(50).spawnRate(10).runTime("1m").warmup(Duration.ofSeconds(10)))
            .threshold("p95 < 2s", "error_rate < 5%")
            .build();
    assertThat(java)
        .isEqualTo(
            yaml(
                "readme",
                """
                name: chat-assistant
                target: http://127.0.0.1:8000
                defaults:
                  headers: { Authorization: "Bearer ${env.API_TOKEN:-test}" }
                users:
                  - name: chatter
                    wait: between 1s and 3s
                    on_start:
                      - post: /api/conversations
                        json: { title: "load test ${uuid}" }
                        save: { conversation_id: $.id }
                    tasks:
                      - name: ask
                        post: /api/conversations/${conversation_id}/messages
                        json: { text: "What is the capital of France?" }
                        check: { status: 200, json: { $.answer: present } }
                load: { users: 50, spawn_rate: 10, run_time: 1m, warmup: 10s }
                thresholds:
                  - p95 < 2s
                  - error_rate < 5%
                """));
  }

  @Test
  void anOpenModelLadderWithGrades() {
    List<String> grades =
        List.of("EXCELLENT: avg < 3s", "GOOD: avg < 5s", "ACCEPTABLE: avg < 10s", "POOR");
    ScenarioBuilder java =
        scenario("ladder").target("http://127.0.0.1:8000").task(post("/v1/chat/completions"));
    for (int users : new int[] {1, 5, 10}) {
      java.phase(
          phase(users + (users == 1 ? " user" : " users"))
              .load(users(users).runTime("1m"))
              .threshold("error_rate < 1%")
              .grades(grades.toArray(String[]::new)));
    }
    java.phase(
        phase("open")
            .load(arrivalRate(20).runTime("2m").maxUsers(100).poisson())
            .threshold(threshold("dropped_iterations < 5").warn()));
    assertThat(java.build())
        .isEqualTo(
            yaml(
                "ladder",
                """
                target: http://127.0.0.1:8000
                tasks: [post: /v1/chat/completions]
                x-grades: &grades [EXCELLENT: avg < 3s, GOOD: avg < 5s, ACCEPTABLE: avg < 10s, POOR]
                phases:
                  - {name: 1 user, load: {users: 1, run_time: 1m}, thresholds: [error_rate < 1%], grades: *grades}
                  - {name: 5 users, load: {users: 5, run_time: 1m}, thresholds: [error_rate < 1%], grades: *grades}
                  - {name: 10 users, load: {users: 10, run_time: 1m}, thresholds: [error_rate < 1%], grades: *grades}
                  - name: open
                    load: {arrival_rate: 20/s, run_time: 2m, max_users: 100, arrivals: poisson}
                    thresholds: [{expr: dropped_iterations < 5, level: warn}]
                """));
  }

  @Test
  void everyFeature() throws Exception {
    Scenario fromFile = Positions.erase(ScenarioLoader.load(FOLDER.resolve("everything.yaml")));
    assertThat(everything()).isEqualTo(fromFile);
  }

  /** {@code everything.yaml}, written in Java. */
  static Scenario everything() {
    return scenario("everything")
        .target("http://127.0.0.1:8000")
        .preflight(new Preflight(true, "/health", Duration.ofSeconds(3)))
        .http(http().maxConnections(200).connectTimeout("5s").insecure().maxRedirects(0).noGzip().maxBody("512KB"))
        .defaultHeader("Authorization", "Bearer ${token}")
        .defaultHeader("Accept", "application/json")
        .defaultTimeout("20s")
        .variable("model", "gpt-4o-mini")
        .variable("max_tokens", "256")
        .variable("plan", "free")
        .tokenizer("o200k_base")
        .price("gpt-4o-mini", 0.15, 0.60)
        .price("gpt-4o", 2.5, 10, 0.0001)
        .pricePerRequest("default", 0.001)
        .cacheHit(cacheHitHeader("X-Cache", "HIT"))
        .feeder(feeder("questions", data("questions.csv")).random())
        .feeder(feeder("accounts", data("accounts.jsonl")).unique().format(FeederSpec.Format.JSONL))
        .feeder("turns", data("turns.csv"))
        .setup(
            post("/api/login")
                .json(
                    """
                    {"user": "admin", "password": "${env.ADMIN_PASSWORD:-admin}"}\
                    """)
                .save("token", "$.token"))
        .teardown(delete("/api/tenants/current").expectStatus(204, 404))
        .user(chatter(), worker(), browser())
        .phase(
            phase("1 user")
                .load(users(1).runTime("1m"))
                .threshold("error_rate < 1%")
                .grades(
                    grade("EXCELLENT", "avg < 3s"),
                    Grade.parse("GOOD: avg < 5s"),
                    grade("ACCEPTABLE", threshold("p95 < 10s").endpoint("ask")),
                    otherwise("POOR")),
            phase("ramp").load(stages(stage("1m", 20), stage("2m", 20)).warmup("30s")),
            phase("burst").load(requests(1000).concurrency(50).maxTime("5m").warmup("10s")),
            phase("open")
                .load(arrivalRate(50).runTime("5m").maxUsers(500).poisson().warmup("1m"))
                .threshold("dropped_iterations < 10"),
            phase()
                .load(
                    arrivalStages(rate("1m", 100), rate("3m", 6000 / 60.0))
                        .startRate(10)
                        .maxUsers(1000)))
        .threshold("p95 < 2s")
        .threshold(threshold("p95 < 1s").warn())
        .threshold(threshold("p99 < 3s").endpoint("ask"))
        .threshold(threshold("p95 < 30s").endpoint("enhancement workflow"))
        .threshold("ttft_p95 < 500ms")
        .threshold(threshold("itl_p99 < 50ms").endpoint("stream"))
        .threshold("cost < $10", "cache_hit_rate > 10%")
        .grades("FAST: p95 < 1s", "SLOW")
        .build();
  }

  private static UserBuilder chatter() {
    return user("chatter")
        .weight(60)
        .waitBetween("1s", "3s")
        .onStart(
            post("/api/conversations")
                .json(Map.of("title", "load test ${uuid}"))
                .save("conversation_id", "$.id"))
        .task(
            task("ask")
                .weight(40)
                .step(
                    post("/api/conversations/${conversation_id}/messages")
                        .name("/api/conversations/[id]/messages")
                        .header("X-Request-Id", "${uuid}")
                        .query("stream", "false")
                        .json(
                            """
                            {"text": "${questions.text}", "model": "${model}", "max_tokens": 256,
                             "temperature": 0.5, "stream": false, "tags": ["a", 1, null]}\
                            """)
                        .timeout("60s")
                        .check(
                            status(200, 201),
                            jsonPath("$.answer").present(),
                            jsonPath("$.error").absent(),
                            jsonPath("$.model").equalTo("gpt-4o-mini"),
                            jsonPath("$.usage.total_tokens").equalTo(42),
                            jsonPath("$.done").equalTo(true),
                            bodyContains("answer"),
                            bodyContains("usage"),
                            header("Content-Type").equalTo("application/json"),
                            header("X-Trace-Id").present(),
                            maxLatency("5s"))
                        .expectStatus(429)
                        .save("message_id", "$.id")
                        .saveHeader("location", "Location")
                        .saveRegex("session", "session=(\\w+)")
                        .save("first", "$.messages[0].id"))
                .think("2s")
                .step(thinkBetween("500ms", "1500ms")),
            task(get("/health").name("health")).weight(1),
            task(put("/api/profile").body("<profile/>", "application/xml")),
            task(patch("/api/profile").form("name", "${accounts.user}").form("lang", "en")),
            task(
                    post("/v1/chat/completions")
                        .name("stream")
                        .stream(openai())
                        .model("gpt-4o-mini")
                        .json(
                            """
                            {"model": "gpt-4o-mini", "stream": true,
                             "stream_options": {"include_usage": true},
                             "messages": [{"role": "user", "content": "${questions.text}"}]}\
                            """))
                .weight(5),
            task(
                get("/events")
                    .stream(
                        sse().event("token").content("$.text").terminator("[DONE]").idleTimeout("10s"))
                    .llm(usage().inputTokens("$.usage.in").outputTokens("$.usage.out"))
                    .cacheHit(cacheHitJson("$.cached", "yes"))),
            task(
                get("/chunks")
                    .stream(chunked())
                    .llm(openaiUsage())
                    .cacheHit(cacheHitHeader("X-Cache-Hit"))),
            task(
                post("/api/ask")
                    .llm(usage().content("$.answer"))
                    .model("gpt-4o")
                    .cacheHit(cacheHitJson("$.cached"))))
        .onStop(delete("/api/conversations/${conversation_id}").name("/api/conversations/[id]"));
  }

  private static UserBuilder worker() {
    return user("worker")
        .weight(30)
        .pacing("10s")
        .task(
            task("enhance")
                .step(
                    group(
                        "enhancement workflow",
                        post("/api/jobs")
                            .json(Map.of("document", "${questions.text}"))
                            .save("job_id", "$.job_id"),
                        poll(get("/api/jobs/${job_id}")
                                .name("/api/jobs/[id]")
                                .check(jsonPath("$.status").equalTo("completed"))
                                .save("summary", "$.result.summary"))
                            .until(jsonPath("$.status").oneOf("completed", "failed"))
                            .every("2s")
                            .timeout("60s")),
                    loop(3, get("/api/news"), think("1s")),
                    loopOver("turns", post("/api/chat").json(Map.of("q", "${turns.question}"))),
                    ifVar("plan").equalTo("pro").then(get("/api/pro")).otherwise(get("/api/free")),
                    ifVar("plan").in("team", "enterprise").then(get("/api/team")),
                    ifVar("token").present().then(head("/api/me")),
                    ifVar("session").absent().then(options("/api/session"))));
  }

  private static UserBuilder browser() {
    return user("browser")
        .weight(10)
        .waitConstant("2s")
        .task(get("/"))
        .task(task().step(poll(get("/api/status")).until(status(200))));
  }
}
