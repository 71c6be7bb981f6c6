package horde.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.report.SampleResults;
import horde.result.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the run history does, on any database: {@link SqliteHistoryTest} and {@link
 * PostgresHistoryTest} run these same tests on a SQLite file and on a real PostgreSQL server.
 */
abstract class HistoryContract {
  RunHistory history;

  /** A new, empty database. */
  abstract Location freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    history = RunHistory.open(freshDatabase());
  }

  @Test
  void aRecordedRunReadsBackWhole() {
    RunResult r = SampleResults.small();
    String scenario = "name: chat\ndefaults:\n  headers: { Authorization: \"Bearer sk-live-123\", X-Trace: \"${uuid}\" }\n";
    long id = history.record(r, scenario, Map.of("env", "staging", "commit", "abc123"));
    StoredRun back = history.run(id).orElseThrow();
    RunSummary s = back.summary();
    assertThat(s.id()).isEqualTo(id);
    assertThat(s.scenario()).isEqualTo("chat-assistant");
    assertThat(s.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("env", "staging", "commit", "abc123"));
    assertThat(s.verdict()).isEqualTo("fail");
    assertThat(s.requests()).isEqualTo(400);
    assertThat(s.failures()).isEqualTo(8);
    assertThat(s.p95Ms()).isEqualTo(r.stats().total().summary().p95());
    assertThat(s.host()).isNotBlank();
    assertThat(s.startedAt()).isEqualTo("2026-11-22T10:00:00.250Z");
    RunResult again = back.result();
    assertThat(again.stats().endpoints()).hasSize(2);
    assertThat(again.stats().endpoints().get(0).latency()).isEqualTo(r.stats().endpoints().get(0).latency());
    assertThat(back.scenarioText()).contains("Authorization: \"[redacted]\"").doesNotContain("sk-live").contains("${uuid}");
    assertThat(history.run(id + 1000)).isEmpty();
  }

  @Test
  void runsAreListedNewestFirstByPageScenarioAndTag() {
    long a = history.record(HistoryFixtures.result("chat", "2026-01-01T10:00:00Z"), Map.of("env", "staging"));
    long b = history.record(HistoryFixtures.result("search", "2026-01-02T10:00:00Z"), Map.of("env", "prod"));
    long c = history.record(HistoryFixtures.result("chat", "2026-01-03T10:00:00Z"), Map.of("env", "prod", "commit", "x"));
    Page<RunSummary> all = history.runs(RunQuery.latest(10));
    assertThat(all.items()).extracting(RunSummary::id).containsExactly(c, b, a);
    assertThat(all.total()).isEqualTo(3);
    Page<RunSummary> second = history.runs(new RunQuery(null, Map.of(), 1, 1));
    assertThat(second.items()).extracting(RunSummary::id).containsExactly(b);
    assertThat(second.total()).isEqualTo(3);
    assertThat(history.runs(new RunQuery("chat", Map.of(), 10, 0)).items()).extracting(RunSummary::id).containsExactly(c, a);
    assertThat(history.runs(new RunQuery(null, Map.of("env", "prod"), 10, 0)).items()).extracting(RunSummary::id).containsExactly(c, b);
    assertThat(history.runs(new RunQuery("chat", Map.of("env", "prod", "commit", "x"), 10, 0)).items())
        .extracting(RunSummary::id).containsExactly(c);
    assertThat(history.runs(new RunQuery("chat'; DROP TABLE horde_runs; --", Map.of(), 10, 0)).total()).isZero();
    assertThat(history.latest()).hasValue(c);
  }

  @Test
  void baselinesHoldRunsOfOneScenario() {
    long a = history.record(HistoryFixtures.result("chat", "2026-01-01T10:00:00Z"), Map.of());
    long b = history.record(HistoryFixtures.result("chat", "2026-01-02T10:00:00Z"), Map.of());
    long other = history.record(HistoryFixtures.result("search", "2026-01-03T10:00:00Z"), Map.of());
    Baseline set = history.setBaseline("prod-v1", List.of(a, b), "before the cache");
    assertThat(set.scenario()).isEqualTo("chat");
    assertThat(history.baseline("prod-v1").orElseThrow().runs()).containsExactly(a, b);
    assertThat(history.baseline("prod-v1").orElseThrow().description()).isEqualTo("before the cache");
    history.setBaseline("prod-v1", List.of(b), "");
    assertThat(history.baseline("prod-v1").orElseThrow().runs()).containsExactly(b);
    history.setBaseline("search", List.of(other), "");
    assertThat(history.baselines()).extracting(Baseline::name).containsExactly("prod-v1", "search");
    assertThatThrownBy(() -> history.setBaseline("mixed", List.of(a, other), "")).hasMessageContaining("one scenario")
        .hasMessageContaining("'search'");
    assertThatThrownBy(() -> history.setBaseline("gone", List.of(a, 9999L), "")).hasMessageContaining("no run 9999");
    assertThatThrownBy(() -> history.setBaseline("../etc", List.of(a), "")).hasMessageContaining("baseline name");
    assertThat(history.baseline("mixed")).isEmpty();
    assertThat(history.deleteBaseline("prod-v1")).isTrue();
    assertThat(history.deleteBaseline("prod-v1")).isFalse();
    assertThat(history.baseline("prod-v1")).isEmpty();
  }

  @Test
  void pruningKeepsTheNewestAndEveryBaselineRun() {
    Instant now = Instant.now();
    long old = history.record(HistoryFixtures.result("chat", now.minus(Duration.ofDays(40)).toString()), Map.of());
    long kept = history.record(HistoryFixtures.result("chat", now.minus(Duration.ofDays(35)).toString()), Map.of());
    long mid = history.record(HistoryFixtures.result("chat", now.minus(Duration.ofDays(5)).toString()), Map.of());
    long recent = history.record(HistoryFixtures.result("chat", now.minus(Duration.ofMinutes(5)).toString()), Map.of("k", "v"));
    history.setBaseline("keep", List.of(kept), "");
    assertThat(history.prune(new Retention(null, Duration.ofDays(30)), true)).containsExactly(old);
    assertThat(history.run(old)).isPresent();
    assertThat(history.prune(new Retention(null, Duration.ofDays(30)), false)).containsExactly(old);
    assertThat(history.run(old)).isEmpty();
    assertThat(history.prune(new Retention(1, null), false)).containsExactly(mid);
    assertThat(history.runs(RunQuery.latest(10)).items()).extracting(RunSummary::id).containsExactly(recent, kept);
    history.deleteBaseline("keep");
    assertThat(history.prune(new Retention(0, null), false)).containsExactly(recent, kept);
    assertThat(history.runs(RunQuery.latest(10)).total()).isZero();
  }

  @Test
  void aCapacitySearchIsRecordedAsASearch() {
    long plain = history.record(SampleResults.small(), "name: plain", Map.of());
    long search = history.record(HistoryFixtures.search(List.of(1, 2, 4), List.of(8, 6, 5)), "name: search", Map.of());
    assertThat(history.run(plain).orElseThrow().summary().search()).isNull();
    RunSummary.Search s = history.run(search).orElseThrow().summary().search();
    assertThat(s).isEqualTo(new RunSummary.Search("users", 6, 4, 5));
    assertThat(s.describe()).isEqualTo("knee 4 users (5 users failed), 6 steps");
    assertThat(history.runs(RunQuery.latest(10)).items()).extracting(RunSummary::search).containsExactly(s, null);
    RunSummary.Search none = history.run(history.record(HistoryFixtures.search(List.of(), List.of(1)), "", Map.of()))
        .orElseThrow().summary().search();
    assertThat(none.describe()).isEqualTo("no knee (1 users failed), 1 step");
    assertThat(Double.isNaN(none.knee())).isTrue();
  }

  @Test
  void aDatabaseOfTheFirstSchemaVersionOpensAfterMigrating() throws Exception {
    Location old = freshDatabase();
    // What Horde's first schema version wrote: the runs tables, no baselines yet.
    org.flywaydb.core.Flyway.configure().dataSource(old.url(), null, null)
        .locations("classpath:horde/history/migration/" + (old.sqlite() ? "sqlite" : "postgresql"))
        .table("horde_schema_history").target("1").load().migrate();
    long id;
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(old.url())) {
      c.setAutoCommit(false);
      id = insertAsVersion1(c, SampleResults.small());
      c.commit();
      try (var rs = c.getMetaData().getTables(null, null, "horde_baselines", null)) {
        assertThat(rs.next()).as("no baselines table in version 1").isFalse();
      }
    }
    RunHistory upgraded = RunHistory.open(old);
    StoredRun back = upgraded.run(id).orElseThrow();
    assertThat(back.summary().tags()).containsEntry("era", "v1");
    assertThat(back.summary().host()).isEqualTo("old-host");
    assertThat(back.summary().search()).as("a run of before version 3 is no search").isNull();
    assertThat(back.result().stats().endpoints()).hasSize(2);
    assertThat(upgraded.setBaseline("after-upgrade", List.of(id), "").runs()).containsExactly(id);
  }

  @Test
  void aDatabaseAtThisVersionOpensWithoutMigrating() throws Exception {
    Location current = migratedBySomeoneElse();
    // Flyway's validation would refuse a checksum that differs from the file's; a database already
    // at this version is read with one query instead, without Flyway (a second of CPU a run).
    execute(current, "UPDATE horde_schema_history SET checksum = checksum + 1 WHERE version = '" + Migrations.VERSION + "'");
    RunHistory opened = RunHistory.open(current);
    long id = opened.record(SampleResults.small(), "", Map.of());
    assertThat(opened.run(id)).isPresent();
  }

  /** A new database brought to this version by another process (its own Flyway, not this one's). */
  private Location migratedBySomeoneElse() throws Exception {
    Location location = freshDatabase();
    org.flywaydb.core.Flyway.configure().dataSource(location.url(), null, null)
        .locations("classpath:horde/history/migration/" + (location.sqlite() ? "sqlite" : "postgresql"))
        .table("horde_schema_history").load().migrate();
    return location;
  }

  private static void execute(Location location, String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(location.url()); var s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** A run as Horde's first schema version wrote it: its columns only, tagged era=v1, from old-host. */
  private static long insertAsVersion1(java.sql.Connection c, RunResult r) throws java.sql.SQLException {
    String insert = "INSERT INTO horde_runs (started_at, started_ms, recorded_ms, scenario, scenario_file, scenario_text, target,"
        + " host, horde_version, verdict, aborted, duration_s, measured_s, requests, failures, error_rate, rps, p50_ms, p95_ms,"
        + " p99_ms, max_ms, result) VALUES (?, 0, 0, 'old', '', 'name: old', '', 'old-host', '0', 'pass', ?, 1, 1, 1, 0, 0, 1, 1,"
        + " 1, 1, 1, ?) RETURNING id";
    long id;
    try (var p = c.prepareStatement(insert)) {
      p.setString(1, r.startedAt());
      p.setBoolean(2, false);
      p.setString(3, horde.result.ResultJson.toJson(r).toString());
      try (var rs = p.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (var p = c.prepareStatement("INSERT INTO horde_run_tags (run_id, name, value) VALUES (?, 'era', 'v1')")) {
      p.setLong(1, id);
      p.executeUpdate();
    }
    return id;
  }

  @Test
  void anUploadMustBeAResultFile() throws Exception {
    var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    assertThatThrownBy(() -> history.record(mapper.readTree("{\"hello\": 1}"), Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Horde result file");
    assertThatThrownBy(() -> history.record(HistoryFixtures.result("chat", "2026-01-01T10:00:00Z"), Map.of("bad name", "x")))
        .hasMessageContaining("tag name");
    assertThat(history.runs(RunQuery.latest(10)).total()).isZero();
  }
}
