package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.scenario.Body;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.FeederSpec;
import horde.scenario.HttpSettings;
import horde.scenario.InvalidScenarioException;
import horde.scenario.JsonExpectation;
import horde.scenario.LoadProfile;
import horde.scenario.Preflight;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.Threshold;
import horde.scenario.Measures;
import horde.scenario.Metric;
import horde.scenario.ThresholdParser;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full example file, in which every key has a value other than its default. */
class ScenarioLoaderTest {
  private static final Path FOLDER = Loading.folder(ScenarioLoaderTest.class);
  private static final Path FILE = FOLDER.resolve("full.yaml");
  private static Scenario scenario;

  @BeforeAll
  static void load() {
    scenario = ScenarioLoader.load(FILE);
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(FILE.toString(), line, column);
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void topLevelSettings() {
    assertThat(scenario.name()).isEqualTo("chat-assistant");
    assertThat(scenario.target()).isEqualTo("http://127.0.0.1:8000");
    assertThat(scenario.preflight()).isEqualTo(new Preflight(true, "/health", s(3)));
    assertThat(scenario.http()).isEqualTo(new HttpSettings(200, s(5), true, 0, false));
    assertThat(scenario.defaults().headers())
        .containsExactly(
            Map.entry("Authorization", "Bearer ${env.API_TOKEN}"),
            Map.entry("Accept", "application/json"));
    assertThat(scenario.defaults().timeout()).isEqualTo(s(20));
    assertThat(scenario.variables())
        .containsExactly(Map.entry("model", "gpt-4o-mini"), Map.entry("max_tokens", "256"));
    assertThat(scenario.position()).isEqualTo(at(2, 1));
  }

  @Test
  void feedersResolveAgainstTheScenarioFolder() {
    String csv = FOLDER.resolve("data/questions.csv").toString();
    assertThat(scenario.feeders())
        .containsExactly(
            Map.entry(
                "questions",
                new FeederSpec(
                    "questions", csv, FeederSpec.Order.RANDOM, FeederSpec.Format.CSV, at(11, 3))),
            Map.entry(
                "accounts",
                new FeederSpec(
                    "accounts",
                    FOLDER.resolve("data/accounts.ndjson").toString(),
                    FeederSpec.Order.UNIQUE,
                    FeederSpec.Format.JSONL,
                    at(12, 3))),
            Map.entry(
                "topics",
                new FeederSpec(
                    "topics", csv, FeederSpec.Order.SEQUENTIAL, FeederSpec.Format.CSV, at(13, 3))));
  }

  @Test
  void userClasses() {
    assertThat(scenario.users())
        .extracting(UserClass::name, UserClass::weight, UserClass::waitTime, UserClass::position)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "chatter", 60, new WaitTime.Between(s(1), s(3)), at(16, 5)),
            org.assertj.core.groups.Tuple.tuple(
                "searcher", 1, new WaitTime.Pacing(s(10)), at(58, 5)),
            org.assertj.core.groups.Tuple.tuple(
                "idler", 0, new WaitTime.Constant(s(2)), at(66, 5)));
  }

  @Test
  void onStartStepsWithFormAndJsonBodiesAndSaves() {
    List<Step> onStart = scenario.users().get(0).onStart();
    assertThat(onStart)
        .containsExactly(
            new Request(
                "POST",
                "/api/login",
                null,
                null,
                null,
                new Body.Form(
                    Map.of("user", "${accounts.user}", "password", "${accounts.password}")),
                null,
                null,
                null,
                List.of(new Extract("token", Extract.Source.HEADER, "X-Token", at(22, 16))),
                at(20, 9)),
            new Request(
                "POST",
                "/api/conversations",
                null,
                null,
                null,
                new Body.Json(
                    Map.of(
                        "title",
                        "load test ${uuid}",
                        "tags",
                        Arrays.asList("a", 1, 2.5, true, null),
                        "meta",
                        Map.of("n", 3, "big", 12345678901L, "x", 31))),
                null,
                null,
                null,
                List.of(new Extract("conversation_id", Extract.Source.JSON, "$.id", at(25, 16))),
                at(23, 9)));
    @SuppressWarnings("unchecked")
    Map<String, Object> tree =
        (Map<String, Object>) ((Body.Json) ((Request) onStart.get(1)).body()).tree();
    assertThat(tree.keySet()).as("YAML order").containsExactly("title", "tags", "meta");
    assertThatThrownBy(() -> tree.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aTaskWithStepsChecksAndThinkTimes() {
    Task ask = scenario.users().get(0).tasks().get(0);
    assertThat(ask.name()).isEqualTo("ask");
    assertThat(ask.weight()).isEqualTo(40);
    assertThat(ask.position()).isEqualTo(at(27, 9));
    Request r = (Request) ask.steps().get(0);
    assertThat(r)
        .isEqualTo(
            new Request(
                "POST",
                "/api/conversations/${conversation_id}/messages",
                "/api/conversations/[id]/messages",
                Map.of("X-Request-Id", "${uuid}"),
                Map.of("stream", "false"),
                new Body.Json(Map.of("text", "${questions.text}", "model", "${model}")),
                s(60),
                List.of(
                    new Check.Status(Set.of(200)),
                    new Check.JsonField("$.answer", new JsonExpectation.Present()),
                    new Check.JsonField("$.error", new JsonExpectation.Absent()),
                    new Check.JsonField("$.model", new JsonExpectation.EqualTo("gpt-4o-mini")),
                    new Check.JsonField("$.usage.total_tokens", new JsonExpectation.EqualTo(42)),
                    new Check.JsonField("$.done", new JsonExpectation.EqualTo(true)),
                    new Check.BodyContains("answer"),
                    new Check.BodyContains("model"),
                    new Check.Header("Content-Type", "application/json"),
                    new Check.Header("X-Trace", null),
                    new Check.MaxLatency(s(5))),
                Set.of(),
                List.of(
                    new Extract("answer_id", Extract.Source.JSON, "$.id", at(43, 15)),
                    new Extract("session", Extract.Source.REGEX, "session=(\\w+)", at(44, 15))),
                at(30, 13)));
    assertThat(ask.steps().subList(1, 3))
        .containsExactly(
            new Step.Think(new WaitTime.Constant(s(2)), at(45, 13)),
            new Step.Think(new WaitTime.Between(s(1), s(3)), at(46, 13)));
  }

  @Test
  void oneRequestTasks() {
    List<Task> tasks = scenario.users().get(0).tasks();
    assertThat(tasks.get(1))
        .isEqualTo(
            new Task(
                "health",
                10,
                List.of(
                    new Request(
                        "GET",
                        "/health",
                        "health",
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of(200, 429),
                        null,
                        at(47, 9))),
                at(47, 9)));
    assertThat(tasks.get(2).name()).isEqualTo("GET https://other.example.com/status?x=1");
    assertThat(tasks.get(2).weight()).isEqualTo(1);
    Request delete = (Request) tasks.get(3).steps().get(0);
    assertThat(tasks.get(3).name()).isEqualTo("DELETE /api/conversations/${conversation_id}");
    assertThat(delete.body()).isEqualTo(new Body.Raw("<bye/>", "application/xml"));
    assertThat(delete.expectStatus()).containsExactly(404);
    assertThat(scenario.users().get(0).onStop())
        .containsExactly(
            new Request(
                "DELETE",
                "/api/conversations/${conversation_id}",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                at(57, 9)));
  }

  @Test
  void everyMethod() {
    assertThat(scenario.users().get(1).tasks())
        .extracting(t -> ((Request) t.steps().get(0)).method())
        .containsExactly("PUT", "PATCH", "HEAD", "OPTIONS");
    assertThat(((Request) scenario.users().get(1).tasks().get(0).steps().get(0)).body())
        .isEqualTo(new Body.Json(List.of(1, 2)));
    assertThat(scenario.users().get(2).tasks()).extracting(Task::name).containsExactly("GET /ping");
  }

  @Test
  void loadAndThresholds() {
    assertThat(scenario.load())
        .isEqualTo(new LoadProfile.Closed(1000, 12.5, Duration.ofMinutes(5), s(30)));
    assertThat(scenario.thresholds())
        .containsExactly(
            new Threshold(
                "p95 < 2s",
                metric("p95"),
                Threshold.Comparator.LT,
                2000,
                null,
                Threshold.Level.FAIL,
                at(78, 5)),
            new Threshold(
                "error_rate < 5%",
                metric("error_rate"),
                Threshold.Comparator.LT,
                5,
                null,
                Threshold.Level.FAIL,
                at(79, 5)),
            new Threshold(
                "p95 < 1s",
                metric("p95"),
                Threshold.Comparator.LT,
                1000,
                null,
                Threshold.Level.WARN,
                at(80, 5)),
            new Threshold(
                "p99 < 3s",
                metric("p99"),
                Threshold.Comparator.LT,
                3000,
                "ask",
                Threshold.Level.FAIL,
                at(81, 5)),
            new Threshold(
                "rps > 10",
                metric("rps"),
                Threshold.Comparator.GT,
                10,
                "/api/conversations/[id]/messages",
                Threshold.Level.FAIL,
                at(82, 5)),
            new Threshold(
                "p50 < 100ms",
                metric("p50"),
                Threshold.Comparator.LT,
                100,
                "GET /ping",
                Threshold.Level.FAIL,
                at(83, 5)));
  }

  @Test
  void loadReadsRelativeFilesAndNamesProblemsAfterThePathGiven(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/q.csv"), "text\nhi\n");
    Path file = dir.resolve("smoke.yaml");
    Files.writeString(file, "feeders: {q: data/q.csv}\ntasks: [get: /]\n");
    Scenario s = ScenarioLoader.load(file);
    assertThat(s.name()).isEqualTo("smoke");
    assertThat(s.feeders().get("q").file()).isEqualTo(dir.resolve("data/q.csv").toString());

    Files.writeString(file, "tasks: [get: /]\nload: {users: 0}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessage(file + ":2:15: users: expected a whole number from 1 to 10000000, found '0'");
  }

  @Test
  void unreadableFilesAreProblemsToo(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ScenarioLoader.load(missing))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageStartingWith(dir + ": cannot read the file: ");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\ntasks: [get: /]\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ScenarioLoader.load(latin1)).hasMessage(latin1 + ": not UTF-8 text");
  }

  @Test
  void parseWithoutAFolderResolvesFeedersAgainstTheWorkingFolder() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "feeders: {q: no-such.csv}\ntasks: [get: /]\n", "x.yaml", null))
        .hasMessage(
            "x.yaml:1:14: file: " + Path.of("no-such.csv").toAbsolutePath() + " does not exist");
  }

  private static Metric metric(String key) {
    return ThresholdParser.metric(key, Measures.BUILT_IN).orElseThrow();
  }
}
