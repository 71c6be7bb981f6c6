package horde.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Phases run one after another become one run: timelines end to end, every figure of a second kept. */
class SequenceTest {
  static RunStats run(double seconds, TimelinePoint.LlmPoint llm, long dropped) {
    Histogram h = new Histogram(3);
    h.recordValue(1000);
    EndpointStats e = EndpointStats.of("/x", "POST", 1, 0, 0, 0, h, Map.of(), Map.of(), h.copy());
    List<TimelinePoint> timeline = List.of(new TimelinePoint(seconds, 2, 1, 0, 1, 1, 1, 1, dropped, false, llm));
    return new RunStats(0, seconds, 0, seconds, List.of(e), EndpointStats.total(List.of(e)), timeline, 0, false, dropped);
  }

  @Test
  void theStreamingFiguresAndDropsOfEachSecondSurviveTheJoin() {
    TimelinePoint.LlmPoint first = new TimelinePoint.LlmPoint(150, 180, 200, 20, 25, 400, 30);
    TimelinePoint.LlmPoint second = new TimelinePoint.LlmPoint(900, 1200, 1500, 20, 26, 500, Double.NaN);
    RunStats all = Sequence.of(List.of(run(1, first, 0), run(1, second, 3)));
    assertThat(all.timeline()).extracting(TimelinePoint::t).containsExactly(1.0, 2.0);
    assertThat(all.timeline()).extracting(TimelinePoint::llm).containsExactly(first, second);
    assertThat(all.timeline()).extracting(TimelinePoint::dropped).containsExactly(0L, 3L);
    assertThat(all.droppedIterations()).isEqualTo(3);
  }
}
