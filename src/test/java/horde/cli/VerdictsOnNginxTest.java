package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Cli;
import horde.Nginx;
import horde.Postgres;
import horde.history.Location;
import horde.history.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verdicts on runs of known difference against nginx, through the CLI and the history, on a SQLite
 * file and on a real PostgreSQL server alike: {@code /sleep/50} against itself raises no alarm,
 * against {@code /sleep/60} under the same name it is a latency regression, and with {@code /err}
 * mixed in an error-rate regression. The runs are made once (short: 2 s measured each) and recorded
 * in both databases.
 *
 * <p>The two runs of each comparison run at the same time (a paired design): on a machine shared
 * with other builds, two runs made seconds apart can differ by more than any method may pin on the
 * target, since a starved generator slows a whole run. Side by side, both see the same machine.
 */
class VerdictsOnNginxTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int PAIRS = 5;
  static Path tmp;
  static Postgres pg;
  static List<String> databases = new ArrayList<>();
  /** Result files: /sleep/50 runs (pairs, then the partners of the next two), one of /sleep/60, one with /err mixed in. */
  static List<Path> same = new ArrayList<>();
  static Path slower;
  static Path errors;

  @BeforeAll
  static void runs() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    tmp = Files.createTempDirectory("horde-verdicts");
    try (Nginx nginx = new Nginx(tmp.resolve("nginx"))) {
      // the first runs in a JVM pay for compiling the engine: not a fair baseline
      together(() -> run(nginx, "jit-a", "/sleep/50", null), () -> run(nginx, "jit-b", "/sleep/50", null));
      for (int i = 0; i < PAIRS; i++) {
        int n = i;
        same.addAll(together(() -> run(nginx, "sleep50-" + 2 * n, "/sleep/50", null),
            () -> run(nginx, "sleep50-" + (2 * n + 1), "/sleep/50", null)));
      }
      List<Path> step = together(() -> run(nginx, "sleep50-" + 2 * PAIRS, "/sleep/50", null), () -> run(nginx, "sleep60", "/sleep/60", null));
      same.add(step.get(0));
      slower = step.get(1);
      List<Path> mixed = together(() -> run(nginx, "sleep50-" + (2 * PAIRS + 1), "/sleep/50", null), () -> run(nginx, "err", "/sleep/50", "/err"));
      same.add(mixed.get(0));
      errors = mixed.get(1);
    }
    databases.add(Location.of(tmp.resolve("history.db").toString()).url());
    if (Postgres.installed() || System.getenv("CI") != null) {
      pg = Postgres.start();
      databases.add(pg.newDatabase());
    }
    for (String db : databases) {
      RunHistory h = RunHistory.open(Location.of(db));
      for (Path p : all()) h.record(JSON.readTree(p.toFile()), Map.of("file", p.getFileName().toString()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) pg.close();
    if (tmp == null) return;
    try (var paths = Files.walk(tmp)) { // the runs' results, the history and nginx's folder
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Two runs side by side; their result files in order. */
  static List<Path> together(java.util.concurrent.Callable<Path> a, java.util.concurrent.Callable<Path> b) throws Exception {
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var fa = pool.submit(a);
      var fb = pool.submit(b);
      return List.of(fa.get(), fb.get());
    }
  }

  static List<Path> all() {
    List<Path> out = new ArrayList<>(same);
    out.add(slower);
    out.add(errors);
    return out;
  }

  /** 10 users for 2 s after a 1 s warm-up; {@code mixedIn} takes a tenth of the requests under the same name. */
  static Path run(Nginx nginx, String label, String path, String mixedIn) throws Exception {
    String tasks = mixedIn == null ? """
          - name: ok
            steps:
              - get: %s
                name: api
        """.formatted(path) : """
          - name: ok
            weight: 9
            steps:
              - get: %s
                name: api
          - name: bad
            weight: 1
            steps:
              - get: %s
                name: api
        """.formatted(path, mixedIn);
    Path scenario = tmp.resolve(label + ".yaml");
    // A criterion of its own: without one, any failed request would fail the run (the /err run's are expected).
    Files.writeString(scenario, "name: verdicts\ntarget: " + nginx.url() + "\nthresholds: [error_rate < 50%]\nusers:\n"
        + "  - name: client\n    tasks:\n" + tasks.indent(4));
    Path out = tmp.resolve(label + ".json");
    Cli cli = Cli.run("run", scenario.toString(), "-u", "10", "-r", "100", "-t", "3s", "--warmup", "1s", "--out", out.toString(), "--no-history", "-q");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    return out;
  }

  static Stream<String> databases() {
    return databases.stream();
  }

  /** The id of a result file's run in {@code db}. */
  static long id(String db, Path result) {
    return RunHistory.open(Location.of(db)).runs(new horde.history.RunQuery(null, Map.of("file", result.getFileName().toString()), 1, 0))
        .items().get(0).id();
  }

  static Cli compare(String db, Path candidate, String baseline, String... extra) {
    List<String> args = new ArrayList<>(List.of("compare", String.valueOf(id(db, candidate)), "--baseline", baseline, "--db", db));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  static void baseline(String db, String name, Path... runs) {
    List<String> args = new ArrayList<>(List.of("baseline", "set", name));
    for (Path r : runs) args.add(String.valueOf(id(db, r)));
    args.addAll(List.of("--db", db));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRunAgainstTheSameLoadRaisesNoAlarm(String db) {
    for (int i = 0; i < PAIRS; i++) {
      baseline(db, "self-" + i, same.get(2 * i));
      Cli cli = compare(db, same.get(2 * i + 1), "self-" + i);
      assertThat(cli.exitCode()).as("pair %d: %s", i, cli).isZero();
      assertThat(cli.out()).as("pair %d", i).doesNotContain("REGRESSED").doesNotContain("Verdict: REGRESSED");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void tenMillisecondsMoreIsALatencyRegression(String db) throws Exception {
    baseline(db, "fast", same.get(2 * PAIRS));
    Path json = tmp.resolve("slower-" + Math.abs(db.hashCode()) + ".json");
    Cli cli = compare(db, slower, "fast", "--json", json.toString());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
    JsonNode comparison = JSON.readTree(json.toFile());
    for (String endpoint : List.of("api", "all requests")) {
      JsonNode c = change(endpoint(comparison, endpoint), "p50");
      assertThat(c.path("verdict").asString()).as(endpoint + ": " + c).isEqualTo("regressed");
      assertThat(c.path("change").asDouble()).isBetween(8.0, 12.0);
      assertThat(c.path("interval_low").asDouble()).isGreaterThan(5.0);
    }
    // The tail of a 2-second run on a busy machine moves by more than 10 ms from run to run: p95 may
    // or may not show the step, but it never reads as faster.
    assertThat(change(endpoint(comparison, "api"), "p95").path("verdict").asString()).isNotEqualTo("improved");
    assertThat(change(endpoint(comparison, "api"), "error_rate").path("verdict").asString()).isEqualTo("unchanged");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void errorsMixedInAreAnErrorRateRegression(String db) throws Exception {
    baseline(db, "clean", same.get(2 * PAIRS + 1));
    Path json = tmp.resolve("errors-" + Math.abs(db.hashCode()) + ".json");
    Cli cli = compare(db, errors, "clean", "--json", json.toString());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
    JsonNode c = change(endpoint(JSON.readTree(json.toFile()), "api"), "error_rate");
    assertThat(c.path("verdict").asString()).as(c.toString()).isEqualTo("regressed");
    assertThat(c.path("candidate").asDouble()).isBetween(4.0, 20.0);
    assertThat(c.path("interval_low").asDouble()).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBaselineOfFiveRunsCarriesItsSpreadAndStillSeesTheStep(String db) throws Exception {
    baseline(db, "five", same.get(0), same.get(2), same.get(4), same.get(6), same.get(8));
    Path json = tmp.resolve("five-" + Math.abs(db.hashCode()) + ".json");
    Cli slow = compare(db, slower, "five", "--json", json.toString());
    assertThat(slow.exitCode()).as(slow.toString()).isEqualTo(1);
    assertThat(slow.out()).contains("run-to-run spread of the 5 baseline runs");
    JsonNode p50 = change(endpoint(JSON.readTree(json.toFile()), "api"), "p50");
    assertThat(p50.path("verdict").asString()).as(p50.toString()).isEqualTo("regressed");
    assertThat(p50.path("test").asString()).contains("spread of 5 baseline runs");
  }

  static JsonNode endpoint(JsonNode comparison, String name) {
    for (JsonNode e : comparison.path("endpoints")) if (e.path("name").asString().equals(name)) return e;
    throw new AssertionError("no endpoint " + name + " in " + comparison);
  }

  static JsonNode change(JsonNode endpoint, String measure) {
    for (JsonNode c : endpoint.path("changes")) if (c.path("measure").asString().equals(measure)) return c;
    throw new AssertionError("no " + measure + " in " + endpoint);
  }
}
