package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import horde.criteria.Finding;
import horde.criteria.Findings;
import horde.result.ResultReader;
import horde.result.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-of-run summary of a real streaming ladder: phases, transactions apart, nothing counted twice. */
class ConsoleSummaryTest {
  @Test
  void phasesTransactionsAndStreamingReadAsTables() throws Exception {
    RunResult ladder = ResultReader.read(HtmlReportTest.LADDER);
    String text = ConsoleSummary.format(ladder);
    assertThat(text).contains(
        "Phase Load                Requests     RPS   Err%      p50      p95      p99 TTFT p95 Dropped Grade      Verdict\n"
            + "4/s   4/s, max 40 users         62     5.3     0%    1.03s    1.82s    1.87s    153ms       0 EXCELLENT  PASS\n",
        "  FAIL ttft_p95 < 1s: actual 1.63s\n",
        "Transactions (timed end to end; their requests are counted above)\nsupport turn ",
        "Streaming and tokens\n", "7 iteration(s) dropped", "Grade: POOR\n", "Verdict: FAIL (5 of 18 criteria not met)");
    String endpoints = text.substring(text.indexOf("Endpoint "), text.indexOf("Transactions"));
    assertThat(endpoints).doesNotContain("GROUP", "support turn");
    String failures = text.substring(text.indexOf("Failures by reason"), text.indexOf("Findings"));
    assertThat(failures).doesNotContain("GROUP");
    assertThat(text.lines().filter(l -> l.startsWith("Phase ") || l.startsWith("24/s "))).allMatch(l -> l.length() <= 112);
  }

  @Test
  void aPlainRunHasNoPhaseOrTransactionTable() {
    String text = ConsoleSummary.format(SampleResults.small());
    assertThat(text).doesNotContain("Phase ", "Transactions", "Streaming and tokens", "dropped");
  }

  /** The table of settings.cluster as the coordinator writes it, and the finding read from it too. */
  @Test
  void aClusterRunShowsItsWorkersAndTheOneLost() {
    RunResult small = SampleResults.small();
    Map<String, Object> settings = new LinkedHashMap<>(small.settings());
    settings.put("cluster", Map.of("name", "lab", "workers", List.of(
        Map.of("name", "w1", "share", "1/2", "requests", 1200, "failures", 3, "cpu_mean_percent", 40.4,
            "cpu_peak_percent", 81.0, "loop_lag_p99_max_ms", 1.5),
        Map.of("name", "w2", "share", "1/2", "requests", 300, "failures", 0, "cpu_mean_percent", 20.0,
            "cpu_peak_percent", 30.0, "loop_lag_p99_max_ms", 0.5, "lost_at_s", 2.5, "missed_s", 1.0, "lost_reason",
            "left the cluster"))));
    RunResult r = small.toBuilder().settings(settings).findings(Findings.of(small.stats(), settings)).build();
    assertThat(ConsoleSummary.format(r)).contains("Workers (cluster lab)\n",
        "  w1                  1/2      1,200         3       40%       81%        1.5 ms  ok\n",
        "  w2                  1/2        300         0       20%       30%        0.5 ms  lost at 2.5s, 1.0s missed\n");
    assertThat(r.findings()).extracting(Finding::text).anyMatch(t -> t.startsWith(
        "Worker w2 was lost at 3 s (left the cluster): its share (1/2) of the load was not sent for the last 1 s,"));
  }
}
