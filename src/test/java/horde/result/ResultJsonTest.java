package horde.result;

import static org.assertj.core.api.Assertions.assertThat;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.criteria.Findings;
import horde.criteria.Verdict;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ResultJsonTest {
  @TempDir Path dir;

  @Test
  void aResultFileReadsBackWithItsHistogramsExact() throws Exception {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 1000; i++) h.recordValue(i * 997L);
    EndpointStats e = EndpointStats.of("/api/x", "POST", 1000, 3, 12345, 67890, h, Map.of("HTTP 503", 3L),
        Map.of("HTTP 503", "HTTP 503: {\"error\":\"busy\"}"));
    RunStats stats = new RunStats(1_795_860_000_123L, 12.5, 2, 10.5, List.of(e), EndpointStats.merge("Total", "", List.of(e)),
        List.of(new TimelinePoint(1, 5, 90, 1, 90, 1.5, 2.5, 3.5, true)), 2, false);
    CriterionResult c = new CriterionResult(Threshold.of("p95 < 2s"), 950.0, true);
    Map<String, Object> settings = Map.of("model", "closed", "users", 5);
    RunResult r = RunResult.builder(stats).hordeVersion("1.0")
        .scenario(Map.of("name", "s", "file", "s.yaml", "target", "http://127.0.0.1:1")).settings(settings)
        .environment(Map.of("cpus", 2)).startedAt("2026-11-22T10:00:00.123Z").criteria(List.of(c))
        .findings(Findings.of(stats, settings)).build();
    Path file = dir.resolve("r.json");
    ResultJson.write(r, file);
    RunResult back = ResultReader.read(file);

    assertThat(back.stats().endpoints().get(0).latency()).isEqualTo(h);
    assertThat(back.stats().endpoints().get(0).failuresByReason()).containsEntry("HTTP 503", 3L);
    assertThat(back.stats().timeline()).isEqualTo(stats.timeline());
    assertThat(back.stats().measuredSeconds()).isEqualTo(10.5);
    assertThat(back.stats().startEpochMillis()).as("the start, which windows of time are read against")
        .isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z").toEpochMilli());
    assertThat(back.criteria().get(0).threshold().expression()).isEqualTo("p95 < 2s");
    assertThat(back.verdict()).isEqualTo(Verdict.PASS);
    assertThat(back.findings()).isEqualTo(r.findings());
    assertThat(ResultJson.toJson(back).toString()).isEqualTo(ResultJson.toJson(r).toString());
    assertThat(Files.readString(file)).contains("\"latency_ms\"", "\"p999\"", "\"histograms\"", "\"in_flight_at_end\" : 2");
  }

  /** A closed phase then an open one: the whole is not open, but the open phase's drops are kept. */
  @Test
  void dropsOfAnOpenPhaseAfterAClosedOneAreKept() throws Exception {
    Histogram h = new Histogram(3);
    h.recordValue(1000);
    EndpointStats closed = EndpointStats.of("/x", "GET", 1, 0, 0, 0, h, Map.of(), Map.of());
    EndpointStats open = EndpointStats.of("/x", "GET", 1, 0, 0, 0, h.copy(), Map.of(), Map.of(), h.copy());
    RunStats first = new RunStats(0, 1, 0, 1, List.of(closed), EndpointStats.total(List.of(closed)),
        List.of(new TimelinePoint(1, 5, 1, 0, 1, 1, 1, 1, false)), 0, false);
    RunStats second = new RunStats(0, 1, 0, 1, List.of(open), EndpointStats.total(List.of(open)),
        List.of(new TimelinePoint(1, 5, 1, 0, 1, 1, 1, 1, 4, false)), 0, false, 4);
    RunStats all = horde.stats.Sequence.of(List.of(first, second));
    RunResult r = RunResult.builder(all).hordeVersion("1.0").scenario(Map.of("name", "s"))
        .startedAt("2026-11-22T10:00:00Z").build();
    Path file = dir.resolve("r.json");
    ResultJson.write(r, file);
    RunStats back = ResultReader.read(file).stats();
    assertThat(back.open()).isFalse();
    assertThat(back.droppedIterations()).isEqualTo(4);
    assertThat(back.timeline()).extracting(TimelinePoint::dropped).containsExactly(0L, 4L);
  }

  /** A cost per request is a small number of dollars: rounding it to thousandths wrote $0 for a criterion on it. */
  @Test
  void aCriterionsSmallActualValueKeepsItsDigits() throws Exception {
    RunStats stats = new RunStats(0, 1, 0, 1, List.of(), EndpointStats.merge("Total", "", List.of()), List.of(), 0, false);
    CriterionResult cost = new CriterionResult(Threshold.of("cost_per_request < $0.001"), 0.0000227461, true);
    CriterionResult p95 = new CriterionResult(Threshold.of("p95 < 2s"), 1234.56789, true);
    RunResult r = RunResult.builder(stats).hordeVersion("1.0").scenario(Map.of("name", "s"))
        .startedAt("2026-11-22T10:00:00Z").criteria(List.of(cost, p95)).build();
    Path file = dir.resolve("r.json");
    ResultJson.write(r, file);
    List<CriterionResult> back = ResultReader.read(file).criteria();
    assertThat(back.get(0).actual()).isEqualTo(0.0000227461);
    assertThat(back.get(1).actual()).isEqualTo(1234.568);
  }

  @Test
  void findingsAreKeptAsWrittenAndComputedForOlderFiles() throws Exception {
    RunStats stats = new RunStats(0, 1, 0, 1, List.of(), EndpointStats.merge("Total", "", List.of()), List.of(), 0, false);
    Finding burst = new Finding("error_burst", Finding.Level.WARNING, "Error burst from 40 s to 52 s.", 40);
    Finding note = new Finding("note", Finding.Level.INFO, "A note with no moment.", Double.NaN);
    RunResult r = RunResult.builder(stats).hordeVersion("1.0").scenario(Map.of("name", "s"))
        .startedAt("2026-11-22T10:00:00Z").findings(List.of(burst, note)).build();
    Path file = dir.resolve("r.json");
    ResultJson.write(r, file);
    assertThat(Files.readString(file)).contains("\"kind\" : \"error_burst\"", "\"at_s\" : 40.0", "\"at_s\" : null");
    assertThat(ResultReader.read(file).findings()).containsExactly(burst, note);

    ObjectNode old = ResultJson.toJson(r);
    old.remove("findings");
    assertThat(ResultReader.fromJson(old).findings()).isEqualTo(Findings.of(stats, Map.of()));
  }
}
