package horde.criteria;

import static horde.criteria.Runs.endpoint;
import static horde.criteria.Runs.findings;
import static horde.criteria.Runs.kind;
import static horde.criteria.Runs.run;
import static horde.criteria.Runs.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import horde.stats.EndpointStats;
import horde.stats.LlmStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Findings from streaming and token figures, on crafted runs. */
class StreamingFindingsTest {
  /** A second at {@code users} users whose streams had these TTFT p95 and ITL p50 (ms). */
  static TimelinePoint second(int t, int users, double ttftP95, double itlP50) {
    TimelinePoint.LlmPoint llm = new TimelinePoint.LlmPoint(ttftP95 / 2, ttftP95, ttftP95 * 1.1, itlP50, itlP50 * 2, 500, Double.NaN);
    return new TimelinePoint(t, users, users * 2L, 0, users * 2.0, 1000, 2000, 2400, 0, false, llm);
  }

  static LlmStats llm(long streams, long hits, long lookups, double cost) {
    Histogram ttft = new Histogram(3);
    ttft.recordValueWithCount(200_000, Math.max(1, streams));
    return new LlmStats(new Histogram(3), ttft, new Histogram(3), new Histogram(3), new Histogram(3), streams, streams * 50,
        streams * 100, streams * 50, hits, lookups, cost);
  }

  /** An endpoint with streaming figures, and failures by reason. */
  static EndpointStats chat(String name, long requests, LlmStats llm, Map<String, Long> failures) {
    EndpointStats e = endpoint("POST", name, requests, 1500);
    return EndpointStats.of(e.name(), e.method(), requests, failures.values().stream().mapToLong(Long::longValue).sum(), 0, 0,
        e.latency(), failures, Map.of()).with(llm);
  }

  static EndpointStats chat(long requests, LlmStats llm) {
    return chat("/v1/chat/completions", requests, llm, Map.of());
  }

  @Test
  void firstTokensThatWaitLongerUnderLoadWhileTokensKeepTheirPaceIsQueueing() {
    RunStats s = run(seconds(60, t -> second(t, 2 + t / 2, t <= 30 ? 200 : 200 + (t - 30) * 60, 20)),
        chat(3000, llm(3000, 0, 0, 0)));
    assertThat(kind(findings(s), "ttft_queueing")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("Time to first token grows with load while tokens keep their pace: TTFT p95 200 ms at"
          + " 7 users, 1.4 s at 27 users (7.2×), while the gap between tokens (ITL p50) stays near 20 ms."
          + " The extra time is spent before generation starts (waiting for a model slot, admission or prefill): more"
          + " capacity helps, faster decoding would not.");
      assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
      assertThat(f.atSeconds()).isEqualTo(40.0);
    });
    assertThat(kind(findings(s), "generation_slows")).isEmpty();
  }

  @Test
  void gapsBetweenTokensThatGrowWithLoadAreGenerationSlowingDown() {
    RunStats s = run(seconds(60, t -> second(t, 2 + t / 2, 300 + t * 5, t <= 20 ? 20 : 20 + (t - 20))),
        chat(3000, llm(3000, 0, 0, 0)));
    assertThat(kind(findings(s), "generation_slows")).singleElement().extracting(Finding::text).isEqualTo(
        "Generation slows under load: the gap between tokens (ITL p50) grows from 20 ms at 7 users to 51 ms at 27 users"
            + " (2.5×), and time to first token p95 from 353 ms to 553 ms. The model's compute is shared by more streams at"
            + " once; each answer streams more slowly.");
    assertThat(kind(findings(s), "ttft_queueing")).isEmpty();
  }

  @Test
  void steadyTimesUnderGrowingLoadSayNothing() {
    RunStats s = run(seconds(60, t -> second(t, 2 + t / 2, 250, 20)), chat(3000, llm(3000, 0, 0, 0)));
    assertThat(findings(s)).extracting(Finding::kind).doesNotContain("ttft_queueing", "generation_slows");
  }

  @Test
  void streamsCutShortAreCountedByWhyAndWhere() {
    EndpointStats cut = chat("/v1/chat/completions", 400, llm(395, 0, 0, 0),
        Map.of("stream stalled", 10L, "stream incomplete", 2L, "HTTP 429", 5L));
    EndpointStats plain = chat("/v1/other", 100, llm(100, 0, 0, 0), Map.of("stream incomplete", 1L));
    RunStats s = run(seconds(20, t -> second(t, 10, 300, 20)), cut, plain);
    assertThat(kind(findings(s), "streams_cut_short")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("13 streamed answers (2.6% of the streaming requests) stopped before their end:"
          + " 10 stalled (silent past the idle timeout), 3 ended without their terminator; most on POST /v1/chat/completions."
          + " Their users saw a cut answer; they count as failures.");
      assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
    });
  }

  @Test
  void theCacheHitRateIsStatedAndItsExtremesExplained() {
    List<TimelinePoint> timeline = seconds(20, t -> second(t, 10, 300, 20));
    assertThat(kind(findings(run(timeline, chat(400, llm(0, 120, 400, 0)))), "cache_hits")).singleElement()
        .extracting(Finding::text).isEqualTo("The cache answered 30% of 400 lookups on POST /v1/chat/completions.");
    assertThat(kind(findings(run(timeline, chat(400, llm(0, 380, 400, 0)))), "cache_dominates")).singleElement()
        .extracting(Finding::text).isEqualTo("95% of answers came from the cache (380 of 400): the run measures the cache more"
            + " than the model behind it. Vary the prompts (a feeder) if real traffic repeats itself less.");
    assertThat(kind(findings(run(timeline, chat(400, llm(0, 0, 400, 0)))), "no_cache_hits")).singleElement()
        .extracting(Finding::level).isEqualTo(Finding.Level.INFO);
    assertThat(findings(run(timeline, chat(40, llm(0, 0, 40, 0))))).extracting(Finding::kind)
        .doesNotContain("cache_hits", "no_cache_hits", "cache_dominates");
  }

  @Test
  void theCostIsPutPerThousandRequestsAndPerHour() {
    RunStats s = run(seconds(100, t -> second(t, 10, 300, 20)), chat("/v1/chat/completions", 3000, llm(3000, 0, 0, 0.75), Map.of()),
        chat("/api/summarize", 1000, llm(0, 0, 0, 0.25), Map.of()));
    assertThat(kind(findings(s), "cost")).singleElement().extracting(Finding::text).isEqualTo("Tokens cost $1.00 in the"
        + " measured 100 s (300,000 input and 150,000 output tokens): $0.25 per 1,000 priced requests, about $36.00 an hour at"
        + " this run's rate; 75% of it on POST /v1/chat/completions.");
  }

  @Test
  void aRunWithoutStreamingFiguresHasNoneOfTheseFindings() {
    RunStats s = run(seconds(60, t -> Runs.second(t, 2 + t / 2, 100, 0, 100 + t * 10)));
    assertThat(findings(s)).extracting(Finding::kind)
        .doesNotContain("ttft_queueing", "generation_slows", "streams_cut_short", "cache_hits", "cost");
  }
}
