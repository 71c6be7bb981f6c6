package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.HordeProcess;
import horde.TestServer;
import horde.history.HistoryFixtures;
import horde.history.Location;
import horde.history.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording runs and using the history from the command line: runs, baseline, compare, run --compare. */
class HistoryCommandsTest {
  @TempDir Path tmp;
  TestServer server;
  Path scenario;
  String db;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestServer().route("/ok", ex -> {
      Thread.sleep(5);
      TestServer.reply(ex, 200, "{}");
    });
    scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, "name: hist\ntarget: " + server.url() + "\nusers:\n  - tasks:\n      - get: /ok\n");
    db = tmp.resolve("h/history.db").toString();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  Cli run(String... extra) {
    String[] args = new String[6 + extra.length];
    System.arraycopy(new String[] {"run", scenario.toString(), "-u", "2", "-t", "1s"}, 0, args, 0, 6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    return Cli.run(args);
  }

  @Test
  void aRunIsRecordedWithItsTagsAndShownAgain() throws Exception {
    Cli first = run("-q", "--db", db, "--tag", "env=ci", "--tag", "commit=abc123");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("History: run 1 in jdbc:sqlite:" + db);
    Cli runs = Cli.run("runs", "--db", db);
    assertThat(runs.out()).contains("ID", "SCENARIO", "hist", "commit=abc123 env=ci", "pass", "1 of 1 runs");
    assertThat(Cli.run("runs", "--db", db, "--tag", "env=prod").out()).contains("No runs").contains("match");
    Path html = tmp.resolve("r/one.html"), junit = tmp.resolve("r/one.xml"), json = tmp.resolve("r/one.json");
    Cli show = Cli.run("runs", "show", "1", "--db", db, "--html", html.toString(), "--junit", junit.toString(), "--out",
        json.toString(), "--scenario-text");
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out()).contains("Run 1: hist", "Tags: commit=abc123 env=ci", "get: /ok", "GET");
    assertThat(Files.readString(html)).contains("<!doctype html>");
    assertThat(Files.readString(junit)).contains("<testsuites");
    assertThat(Files.readString(json)).contains("\"horde_version\"");
    assertThat(Cli.run("runs", "show", "7", "--db", db).err()).contains("no run 7");
    assertThat(Cli.run("runs", "show", "../1", "--db", db).exitCode()).isEqualTo(2);
  }

  @Test
  void noHistoryRecordsNothing() {
    Cli r = run("-q", "--db", db, "--no-history");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("History:");
    assertThat(Path.of(db)).doesNotExist();
  }

  @Test
  void aDamagedDatabaseIsAWarningAndTheResultIsStillWritten() throws Exception {
    Path bad = tmp.resolve("bad.db");
    Files.writeString(bad, "this is not a database, it only has the name of one ".repeat(100));
    Path out = tmp.resolve("result.json");
    Cli r = run("-q", "--db", bad.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(out).exists();
    assertThat(r.err()).contains("warning: the run was not recorded").contains(bad.toString())
        .contains("damaged or not a SQLite database");
    assertThat(Cli.run("runs", "--db", bad.toString()).err()).contains("damaged or not a SQLite database");
  }

  @Test
  void badHistoryFlagsStopBeforeAnyLoad() {
    assertThat(run("--tag", "no equals sign").err()).contains("NAME=VALUE");
    assertThat(run("--db", "mysql://x").err()).contains("unsupported database");
    Cli missing = run("--db", db, "--compare", "nope");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no baseline 'nope'");
    assertThat(server.served("/ok")).isZero();
  }

  @Test
  void twoProcessesRecordIntoOneNewFileAtOnce() throws Exception {
    try (HordeProcess a = new HordeProcess(Files.createDirectories(tmp.resolve("a")), "run", scenario.toString(), "-u", "2", "-t",
        "1s", "-q", "--db", db);
        HordeProcess b = new HordeProcess(Files.createDirectories(tmp.resolve("b")), "run", scenario.toString(), "-u", "2", "-t",
            "1s", "-q", "--db", db)) {
      assertThat(a.waitFor(60)).as(a.output()).isZero();
      assertThat(b.waitFor(60)).as(b.output()).isZero();
      assertThat(a.output() + b.output()).contains("History: run 1").contains("History: run 2").doesNotContain("warning");
    }
    assertThat(Cli.run("runs", "--db", db).out()).contains("2 of 2 runs");
  }

  @Test
  void baselinesAreSetListedShownAndDeleted() {
    run("-q", "--db", db);
    run("-q", "--db", db);
    Cli set = Cli.run("baseline", "set", "prod-v1", "1", "2", "--db", db, "-d", "before the cache");
    assertThat(set.exitCode()).as(set.toString()).isZero();
    assertThat(set.out()).contains("Baseline prod-v1: runs 1, 2 of hist");
    assertThat(Cli.run("baseline", "list", "--db", db).out()).contains("prod-v1", "runs 1, 2", "before the cache");
    assertThat(Cli.run("baseline", "show", "prod-v1", "--db", db).out()).contains("Baseline prod-v1 of hist", "ID");
    assertThat(Cli.run("baseline", "set", "x", "9", "--db", db).err()).contains("no run 9");
    assertThat(Cli.run("baseline", "set", "../x", "1", "--db", db).err()).contains("baseline name");
    Cli prune = Cli.run("runs", "prune", "--keep", "0", "--db", db);
    assertThat(prune.out()).contains("Deleted 0 runs");
    assertThat(Cli.run("baseline", "delete", "prod-v1", "--db", db).out()).contains("Deleted baseline prod-v1");
    assertThat(Cli.run("baseline", "delete", "prod-v1", "--db", db).exitCode()).isEqualTo(2);
    assertThat(Cli.run("runs", "prune", "--keep", "1", "--db", db).out()).contains("Deleted 1 run: 1");
    assertThat(Cli.run("runs", "prune", "--older-than", "soon", "--db", db).err()).contains("30d");
  }

  @Test
  void twoResultFilesCompareWithoutADatabase() throws Exception {
    Path a = tmp.resolve("a.json"), b = tmp.resolve("b.json");
    assertThat(run("-q", "--no-history", "--out", a.toString()).exitCode()).isZero();
    assertThat(run("-q", "--no-history", "--out", b.toString()).exitCode()).isZero();
    Path html = tmp.resolve("c/c.html"), junit = tmp.resolve("c/c.xml"), json = tmp.resolve("c/c.json");
    Cli c = Cli.run("compare", a.toString(), b.toString(), "--db", db, "--html", html.toString(), "--junit", junit.toString(),
        "--json", json.toString(), "--confidence", "95%", "--level", "p99=warn");
    assertThat(c.exitCode()).as(c.toString()).isIn(0, 1);
    assertThat(c.out()).contains("Compare " + b + " against " + a, "GET /ok", "95% interval", "Verdict:");
    assertThat(Files.readString(html)).contains("Horde comparison", "data-chart=\"distribution\"");
    assertThat(Files.readString(junit)).contains("<testcase classname=\"horde.compare.GET /ok\" name=\"p50\"");
    assertThat(Files.readString(json)).contains("\"confidence_percent\" : 95.0", "\"p99\" : \"warn\"");
    assertThat(Path.of(db)).doesNotExist();
    assertThat(Cli.run("compare", a.toString(), "--db", db).err()).contains("name two runs");
    assertThat(Cli.run("compare", a.toString(), "nothing-here", "--db", db).err()).contains("neither a result file nor a run id");
  }

  @Test
  void runThenCompareInOneStep() throws Exception {
    assertThat(run("-q", "--db", db).exitCode()).isZero();
    assertThat(Cli.run("baseline", "set", "base", "latest", "--db", db).exitCode()).isZero();
    Path junit = tmp.resolve("compare.xml");
    Cli r = run("-q", "--db", db, "--compare", "base", "--compare-junit", junit.toString());
    assertThat(r.exitCode()).as(r.toString()).isIn(0, 1);
    assertThat(r.out()).contains("History: run 2", "Compare run 2 against baseline base (run 1)", "Verdict:");
    assertThat(Files.readString(junit)).contains("compare run 2 against baseline base");
    // latest, from the history, against the baseline: the same comparison
    Cli again = Cli.run("compare", "latest", "--baseline", "base", "--db", db);
    assertThat(again.out()).contains("Compare run 2 against baseline base");
    assertThat(again.exitCode()).isEqualTo(r.exitCode());
  }

  @Test
  void searchesAreListedByTheirKneesAndComparedByThem() throws Exception {
    RunHistory h = RunHistory.open(Location.of(db));
    long was = h.record(HistoryFixtures.search(List.of(1, 2, 4), List.of(8, 6, 5)), "", Map.of());       // 4 to 5 users
    long same = h.record(HistoryFixtures.search(List.of(2, 4), List.of(8, 6)), "", Map.of());            // 4 to 6
    long worse = h.record(HistoryFixtures.search(List.of(1, 2), List.of(4, 3)), "", Map.of());           // 2 to 3
    long plain = h.record(horde.report.SampleResults.small(), "", Map.of());
    Cli runs = Cli.run("runs", "--db", db);
    assertThat(runs.out()).contains("SEARCH", "knee 4 users (5 users failed), 6 steps", "knee 2 users (3 users failed), 4 steps");

    Cli unchanged = Cli.run("compare", String.valueOf(was), String.valueOf(same), "--db", db);
    assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
    assertThat(unchanged.out()).contains("capacity searches of users, by their knees", "capacity between 4 users and 5 users",
        "Verdict: UNCHANGED").doesNotContain("p95");

    Path json = tmp.resolve("knees.json");
    Cli regressed = Cli.run("compare", String.valueOf(was), String.valueOf(worse), "--db", db, "--json", json.toString());
    assertThat(regressed.exitCode()).as(regressed.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
    assertThat(regressed.out()).contains("Verdict: REGRESSED: the candidate failed at 3 users, a level the baseline passed");
    assertThat(Files.readString(json)).contains("\"compared\" : \"knees\"", "\"verdict\" : \"regressed\"");
    Cli improved = Cli.run("compare", String.valueOf(worse), String.valueOf(was), "--db", db);
    assertThat(improved.exitCode()).isZero();
    assertThat(improved.out()).contains("Verdict: IMPROVED: the candidate passed 4 users, a level the baseline failed");

    Cli mixed = Cli.run("compare", String.valueOf(plain), String.valueOf(was), "--db", db);
    assertThat(mixed.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(mixed.err()).contains("is a plain run and the other a capacity search");
  }
}
