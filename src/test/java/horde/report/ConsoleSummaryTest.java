package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import horde.result.ResultReader;
import horde.result.RunResult;
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
}
