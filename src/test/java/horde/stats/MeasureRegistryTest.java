package horde.stats;

import static org.assertj.core.api.Assertions.assertThat;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.report.HtmlReport;
import horde.result.ResultJson;
import horde.result.RunResult;
import horde.scenario.Measure;
import horde.scenario.Measures;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.scenario.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A measure is one registration: registered, recorded and nothing else done, it is summed over
 * the run, judged by a threshold, written to the result file and charted in the report.
 */
class MeasureRegistryTest {
  @Test
  void aMadeUpMeasureIsRecordedJudgedWrittenAndCharted() {
    Measures measures = Measures.BUILT_IN.with(List.of(
        Measure.histogram("queue_wait", Measure.Unit.MICROSECONDS, "time queued at the gateway", Measure.Needs.NOTHING)));
    int queueWait = measures.indexOf("queue_wait");
    IntervalSnapshot shape = new IntervalSnapshot(1, measures.histogramCount(), measures.counterCount(),
        FailureReasons.CAPACITY);
    LoopRecorder loop = new LoopRecorder(shape, new Samples(1, FailureReasons.CAPACITY));
    Names names = new Names(List.of(new Names.Endpoint("/ask", "POST")), List.of(), measures);

    IntervalSnapshot total = shape.emptyCopy();
    List<Interval> intervals = new ArrayList<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    for (int t = 1; t <= 3; t++) {
      for (int i = 0; i < 100; i++) {
        loop.request(0, 200, -1, 50_000_000, 100, 100);
        loop.time(queueWait, 0, (5 + i % 10) * 1_000_000L); // 5 to 14 ms
      }
      IntervalSnapshot second = shape.emptyCopy();
      loop.drainInto(second);
      total.add(second);
      intervals.add(new Interval(t, 1, 1, 1, 0, false, List.of(Slice.of(second, 0)), null));
      timeline.add(new TimelinePoint(t, 1, 100, 0, 100, 50, 50, 50, false));
    }
    EndpointStats ask = EndpointStats.of(total, 0, names, null);
    RunStats stats = new RunStats(0, 3, 0, 3, List.of(ask), EndpointStats.total(List.of(ask)), timeline, 0, false, 0,
        intervals, names);

    assertThat(ask.histogram("queue_wait").getTotalCount()).isEqualTo(300);
    Threshold t = ThresholdParser.parse("queue_wait_p95 < 20ms", null, Threshold.Level.FAIL, SourcePosition.UNKNOWN,
        measures);
    CriterionResult judged = Criteria.evaluate(List.of(t), stats, Map.of()).get(0);
    assertThat(judged.actual()).isBetween(13.9, 14.1);
    assertThat(judged.passed()).isTrue();

    RunResult result = RunResult.builder(stats).hordeVersion("test").scenario(Map.of("name", "registry"))
        .startedAt("2026-12-05T00:00:00Z").criteria(List.of(judged)).build();
    JsonNode json = ResultJson.toJson(result);
    assertThat(json.path("histograms_by_measure").path("POST /ask").path("queue_wait").asString()).isNotEmpty();
    assertThat(HtmlReport.of(result)).contains("data-chart=\"ep0-queue_wait\"", "Time queued at the gateway");
  }
}
