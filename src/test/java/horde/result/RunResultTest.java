package horde.result;

import static org.assertj.core.api.Assertions.assertThat;

import horde.history.HistoryFixtures;
import horde.report.SampleResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RunResult#builder}: a result is a value built from named parts, and a copy keeps every part. */
class RunResultTest {
  @Test
  void aBuilderStartsFromEveryPart() {
    RunResult r = HistoryFixtures.search(List.of(8), List.of(16)).toBuilder()
        .phases(SampleResults.long_(8, 2).phases()).grade("GOOD").notes(List.of("teardown failed: HTTP 500"))
        .target(new TargetSummary(1, List.of())).build();
    assertThat(r.findings()).isNotEmpty();
    assertThat(r.toBuilder()).usingRecursiveComparison().isEqualTo(r);
  }

  /** Findings are the analysis of a run: whoever ends it computes them, building a result does not. */
  @Test
  void buildingAResultAnalysesNothing() {
    RunResult small = SampleResults.small();
    assertThat(small.findings()).isNotEmpty();
    assertThat(RunResult.builder(small.stats()).settings(small.settings()).build().findings()).isEmpty();
  }
}
