package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.load;
import static horde.scenario.yaml.Loading.withTasks;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Body;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.FeederSpec;
import horde.scenario.HttpSettings;
import horde.scenario.JsonExpectation;
import horde.scenario.LoadProfile;
import horde.scenario.Preflight;
import horde.scenario.Request;
import horde.scenario.RequestDefaults;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.Stage;
import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.Threshold;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShorthandAndDefaultsTest {
  private static Duration s(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Request onlyRequest(Scenario scenario) {
    return (Request) scenario.users().get(0).tasks().get(0).steps().get(0);
  }

  private static Request request(String requestYaml) {
    return onlyRequest(load(withTasks("- " + requestYaml.indent(2).substring(2))));
  }

  @Test
  void aTinyFileRunsWithDefaultsForEverything() {
    Scenario s =
        load(
            """
            target: http://127.0.0.1:8000
            tasks:
              - get: /
            """);
    assertThat(s.name()).isEqualTo("test");
    assertThat(s.target()).isEqualTo("http://127.0.0.1:8000");
    assertThat(s.preflight()).isEqualTo(Preflight.TCP_CONNECT);
    assertThat(s.http()).isEqualTo(HttpSettings.DEFAULTS);
    assertThat(s.defaults()).isEqualTo(RequestDefaults.NONE);
    assertThat(s.variables()).isEmpty();
    assertThat(s.feeders()).isEmpty();
    assertThat(s.thresholds()).isEmpty();
    assertThat(s.load()).isEqualTo(new LoadProfile.Closed(1, 1, s(10), Duration.ZERO));
    assertThat(s.position()).isEqualTo(new SourcePosition("test.yaml", 1, 1));
    Request get =
        new Request(
            "GET",
            "/",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new SourcePosition("test.yaml", 3, 5));
    assertThat(s.users())
        .containsExactly(
            new UserClass(
                "user1",
                1,
                WaitTime.NONE,
                List.of(),
                List.of(new Task("GET /", 1, List.of(get), get.position())),
                List.of(),
                new SourcePosition("test.yaml", 1, 1)));
  }

  @Test
  void targetIsOptionalForTheCommandLineToGive() {
    assertThat(load("tasks: [get: /]").target()).isEmpty();
  }

  @Test
  void unnamedUserClassesAndTasksAreNumbered() {
    Scenario s =
        load(
            """
            users:
              - tasks:
                  - steps: [get: /a]
                  - steps: [get: /b]
              - tasks: [get: /c]
            """);
    assertThat(s.users()).extracting(UserClass::name).containsExactly("user1", "user2");
    assertThat(s.users().get(0).tasks()).extracting(Task::name).containsExactly("task1", "task2");
    assertThat(s.users()).extracting(UserClass::weight).containsExactly(1, 1);
  }

  @Test
  void aOneRequestTaskTakesItsNameAndWeight() {
    Task t =
        load(withTasks("- {name: health, weight: 3, get: /health}")).users().get(0).tasks().get(0);
    assertThat(t.name()).isEqualTo("health");
    assertThat(t.weight()).isEqualTo(3);
    assertThat(((Request) t.steps().get(0)).endpointName()).isEqualTo("health");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2s                     | CONSTANT | 2   | 2",
        "constant 250ms         | CONSTANT | 0.25| 0.25",
        "'  between 1s  and 3s' | BETWEEN  | 1   | 3",
        "between 1s and 1s      | BETWEEN  | 1   | 1",
        "pacing 10s             | PACING   | 10  | 10",
        "none                   | NONE     | 0   | 0",
        "0                      | CONSTANT | 0   | 0",
      })
  void waitForms(String text, String kind, double min, double max) {
    WaitTime w =
        load("users:\n  - wait: " + text + "\n    tasks: [get: /]\n").users().get(0).waitTime();
    assertThat(w)
        .isEqualTo(
            switch (kind) {
              case "CONSTANT" -> new WaitTime.Constant(s(min));
              case "BETWEEN" -> new WaitTime.Between(s(min), s(max));
              case "PACING" -> new WaitTime.Pacing(s(min));
              default -> WaitTime.NONE;
            });
  }

  @Test
  void thinkForms() {
    List<Step> steps =
        load(withTasks("- steps: [get: /, think: 1.5s, think: between 1s and 2s]"))
            .users()
            .get(0)
            .tasks()
            .get(0)
            .steps();
    assertThat(steps.subList(1, 3))
        .extracting(st -> ((Step.Think) st).waitTime())
        .containsExactly(new WaitTime.Constant(s(1.5)), new WaitTime.Between(s(1), s(2)));
  }

  @Test
  void feederShorthandAndFormatFromTheExtension() {
    Map<String, FeederSpec> feeders =
        load("""
        feeders:
          a: data/questions.csv
          b: {file: data/accounts.ndjson}
          c: {file: data/questions.csv, format: jsonl, order: sequential}
        tasks: [get: /]
        """)
            .feeders();
    assertThat(feeders.values())
        .extracting(FeederSpec::name, FeederSpec::order, FeederSpec::format)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "a", FeederSpec.Order.SEQUENTIAL, FeederSpec.Format.CSV),
            org.assertj.core.groups.Tuple.tuple(
                "b", FeederSpec.Order.SEQUENTIAL, FeederSpec.Format.JSONL),
            org.assertj.core.groups.Tuple.tuple(
                "c", FeederSpec.Order.SEQUENTIAL, FeederSpec.Format.JSONL));
  }

  @Test
  void saveShorthandIsAJsonPath() {
    Request r =
        request(
            """
            post: /c
            save: {a: $.id, b: {json: "$.items[0].id"}, c: {header: Location}, d: {regex: "id=(\\\\d+)"}, e: $}
            """);
    assertThat(r.saves())
        .extracting(Extract::variable, Extract::source, Extract::expression)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", Extract.Source.JSON, "$.id"),
            org.assertj.core.groups.Tuple.tuple("b", Extract.Source.JSON, "$.items[0].id"),
            org.assertj.core.groups.Tuple.tuple("c", Extract.Source.HEADER, "Location"),
            org.assertj.core.groups.Tuple.tuple("d", Extract.Source.REGEX, "id=(\\d+)"),
            org.assertj.core.groups.Tuple.tuple("e", Extract.Source.JSON, "$"));
  }

  @Test
  void statusesAreOneOrAList() {
    Request r =
        request(
            """
            get: /
            expect_status: 429
            check: {status: [200, 201], body_contains: done}
            """);
    assertThat(r.expectStatus()).containsExactly(429);
    assertThat(r.checks())
        .containsExactly(new Check.Status(Set.of(200, 201)), new Check.BodyContains("done"));
  }

  @Test
  void quotedKeywordsInChecksAreValues() {
    Request r =
        request(
            """
            get: /
            check:
              json: {$.state: "present", $.n: 1.5, $.ok: false, $.s: '42'}
              header: {X-State: "present"}
            """);
    assertThat(r.checks())
        .containsExactly(
            new Check.JsonField("$.state", new JsonExpectation.EqualTo("present")),
            new Check.JsonField("$.n", new JsonExpectation.EqualTo(1.5)),
            new Check.JsonField("$.ok", new JsonExpectation.EqualTo(false)),
            new Check.JsonField("$.s", new JsonExpectation.EqualTo("42")),
            new Check.Header("X-State", "present"));
  }

  @Test
  void bodiesAndTheirDefaults() {
    assertThat(request("post: /\nbody: hello").body())
        .isEqualTo(new Body.Raw("hello", "text/plain"));
    assertThat(request("post: /\njson: hello").body()).isEqualTo(new Body.Json("hello"));
    assertThat(request("post: /\njson: 3").body()).isEqualTo(new Body.Json(3));
    assertThat(request("post: /\nform: {a: 1, b: x y}").body())
        .isEqualTo(new Body.Form(Map.of("a", "1", "b", "x y")));
    assertThat(request("get: /").body()).isEqualTo(Body.NONE);
    assertThat(request("get: /\nquery: {n: 10, q: a b}").query())
        .containsExactly(Map.entry("n", "10"), Map.entry("q", "a b"));
  }

  @Test
  void preflightForms() {
    assertThat(load("preflight: /health\ntasks: [get: /]").preflight())
        .isEqualTo(Preflight.health("/health"));
    assertThat(load("preflight: false\ntasks: [get: /]").preflight()).isEqualTo(Preflight.DISABLED);
    assertThat(load("preflight: true\ntasks: [get: /]").preflight())
        .isEqualTo(Preflight.TCP_CONNECT);
    assertThat(load("preflight: {timeout: 1s}\ntasks: [get: /]").preflight())
        .isEqualTo(new Preflight(true, null, s(1)));
    assertThat(load("preflight: {path: /ready}\ntasks: [get: /]").preflight())
        .isEqualTo(new Preflight(true, "/ready", s(5)));
  }

  @Test
  void loadForms() {
    assertThat(load("tasks: [get: /]\nload: {users: 50}").load())
        .isEqualTo(new LoadProfile.Closed(50, 50, s(10), Duration.ZERO));
    assertThat(load("tasks: [get: /]\nload: {users: 50, spawn_rate: 0.5, run_time: 1h}").load())
        .isEqualTo(new LoadProfile.Closed(50, 0.5, Duration.ofHours(1), Duration.ZERO));
    assertThat(
            load("""
            tasks: [get: /]
            load:
              stages: [{duration: 1m, users: 200}, {duration: 2m, users: 200}, {duration: 0s, users: 10}]
              warmup: 10s
            """)
                .load())
        .isEqualTo(
            new LoadProfile.Staged(
                List.of(
                    new Stage(s(60), 200), new Stage(s(120), 200), new Stage(Duration.ZERO, 10)),
                s(10)));
    assertThat(load("tasks: [get: /]\nload: {requests: 10000}").load())
        .isEqualTo(new LoadProfile.FixedCount(10000, 1, Duration.ofHours(1), Duration.ZERO));
    assertThat(
            load("tasks: [get: /]\nload: {requests: 10000, concurrency: 100, max_time: 10m}")
                .load())
        .isEqualTo(new LoadProfile.FixedCount(10000, 100, s(600), Duration.ZERO));
    assertThat(load("tasks: [get: /]\nload: {users: 1, run_time: 1m, warmup: 20 requests}").load())
        .isEqualTo(new LoadProfile.Closed(1, 1, s(60), Duration.ZERO, 20));
    assertThat(load("tasks: [get: /]\nload: {arrival_rate: 5/s, run_time: 1m, warmup: 1 request}").load().warmupRequests())
        .isEqualTo(1);
  }

  @Test
  void thresholdsDefaultToFailForTheWholeRun() {
    Threshold t = load("tasks: [get: /]\nthresholds: [p95 < 2s]").thresholds().get(0);
    assertThat(t.level()).isEqualTo(Threshold.Level.FAIL);
    assertThat(t.endpoint()).isNull();
  }

  @Test
  void thresholdEndpointsMayBePathsOrDefaultTaskNames() {
    Scenario s =
        load(
            """
            tasks:
              - get: /a/${id}
              - steps: [post: /b]
            thresholds:
              - {endpoint: "/a/${id}", expr: p95 < 1s}
              - {endpoint: "GET /a/${id}", expr: p95 < 1s}
              - {endpoint: /b, expr: p95 < 1s}
              - {endpoint: task2, expr: p95 < 1s}
            """);
    assertThat(s.thresholds())
        .extracting(Threshold::endpoint)
        .containsExactly("/a/${id}", "GET /a/${id}", "/b", "task2");
  }

  @Test
  void anchorsCanLiveUnderExtensionKeys() {
    Scenario s =
        load(
            """
            x-auth: &auth {Authorization: "Bearer ${env.TOKEN}"}
            tasks:
              - get: /a
                headers: *auth
              - get: /b
                headers: {<<: *auth, X-Extra: "1"}
            """);
    assertThat(s.users().get(0).tasks())
        .extracting(t -> ((Request) t.steps().get(0)).headers())
        .containsExactly(
            Map.of("Authorization", "Bearer ${env.TOKEN}"),
            Map.of("X-Extra", "1", "Authorization", "Bearer ${env.TOKEN}"));
  }

  @Test
  void yamlCoreSchemaValues() {
    Scenario s =
        load(
            """
            http: {max_connections: 0x10, insecure: True, gzip: FALSE}
            variables: {a: yes, b: ~, c: 1_000}
            tasks: [get: /]
            """
                .replace("b: ~, ", ""));
    assertThat(s.http().maxConnections()).isEqualTo(16);
    assertThat(s.http().insecure()).isTrue();
    assertThat(s.http().gzip()).isFalse();
    assertThat(s.variables()).containsExactly(Map.entry("a", "yes"), Map.entry("c", "1_000"));
  }
}
