package horde.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The metrics a threshold can name, each with the unit its limit is written in. Latency
 * statistics ({@code p95}) exist for every timed measure, prefixed: {@code ttft_p95}, {@code
 * itl_p99}, {@code tokens_per_s_p50}.
 */
public enum ThresholdMetric {
  P50("p50", Unit.DURATION, 50),
  P90("p90", Unit.DURATION, 90),
  P95("p95", Unit.DURATION, 95),
  P99("p99", Unit.DURATION, 99),
  P999("p999", Unit.DURATION, 99.9),
  AVG("avg", Unit.DURATION, 0),
  MIN("min", Unit.DURATION, 0),
  MAX("max", Unit.DURATION, 0),
  ERROR_RATE("error_rate", Unit.PERCENT, 0),
  RPS("rps", Unit.RATE, 0),
  REQUESTS("requests", Unit.COUNT, 0),
  FAILURES("failures", Unit.COUNT, 0),
  /** Open model: arrivals that found no free user (whole run only). */
  DROPPED_ITERATIONS("dropped_iterations", Unit.COUNT, 0),
  /** Streaming: time to first byte (the response head). */
  TTFB_P50("ttfb_p50", Unit.DURATION, 50, Measure.TTFB),
  TTFB_P90("ttfb_p90", Unit.DURATION, 90, Measure.TTFB),
  TTFB_P95("ttfb_p95", Unit.DURATION, 95, Measure.TTFB),
  TTFB_P99("ttfb_p99", Unit.DURATION, 99, Measure.TTFB),
  TTFB_P999("ttfb_p999", Unit.DURATION, 99.9, Measure.TTFB),
  TTFB_AVG("ttfb_avg", Unit.DURATION, 0, Measure.TTFB),
  TTFB_MIN("ttfb_min", Unit.DURATION, 0, Measure.TTFB),
  TTFB_MAX("ttfb_max", Unit.DURATION, 0, Measure.TTFB),
  /** Streaming: time to first token. */
  TTFT_P50("ttft_p50", Unit.DURATION, 50, Measure.TTFT),
  TTFT_P90("ttft_p90", Unit.DURATION, 90, Measure.TTFT),
  TTFT_P95("ttft_p95", Unit.DURATION, 95, Measure.TTFT),
  TTFT_P99("ttft_p99", Unit.DURATION, 99, Measure.TTFT),
  TTFT_P999("ttft_p999", Unit.DURATION, 99.9, Measure.TTFT),
  TTFT_AVG("ttft_avg", Unit.DURATION, 0, Measure.TTFT),
  TTFT_MIN("ttft_min", Unit.DURATION, 0, Measure.TTFT),
  TTFT_MAX("ttft_max", Unit.DURATION, 0, Measure.TTFT),
  /** Streaming: inter-token latency: each gap between token events. */
  ITL_P50("itl_p50", Unit.DURATION, 50, Measure.ITL),
  ITL_P90("itl_p90", Unit.DURATION, 90, Measure.ITL),
  ITL_P95("itl_p95", Unit.DURATION, 95, Measure.ITL),
  ITL_P99("itl_p99", Unit.DURATION, 99, Measure.ITL),
  ITL_P999("itl_p999", Unit.DURATION, 99.9, Measure.ITL),
  ITL_AVG("itl_avg", Unit.DURATION, 0, Measure.ITL),
  ITL_MIN("itl_min", Unit.DURATION, 0, Measure.ITL),
  ITL_MAX("itl_max", Unit.DURATION, 0, Measure.ITL),
  /** Streaming: time per output token after the first. */
  TPOT_P50("tpot_p50", Unit.DURATION, 50, Measure.TPOT),
  TPOT_P90("tpot_p90", Unit.DURATION, 90, Measure.TPOT),
  TPOT_P95("tpot_p95", Unit.DURATION, 95, Measure.TPOT),
  TPOT_P99("tpot_p99", Unit.DURATION, 99, Measure.TPOT),
  TPOT_P999("tpot_p999", Unit.DURATION, 99.9, Measure.TPOT),
  TPOT_AVG("tpot_avg", Unit.DURATION, 0, Measure.TPOT),
  TPOT_MIN("tpot_min", Unit.DURATION, 0, Measure.TPOT),
  TPOT_MAX("tpot_max", Unit.DURATION, 0, Measure.TPOT),
  /** Streaming: output tokens per second of each request. */
  TOKENS_PER_S_P50("tokens_per_s_p50", Unit.RATE, 50, Measure.TOKENS_PER_S),
  TOKENS_PER_S_P90("tokens_per_s_p90", Unit.RATE, 90, Measure.TOKENS_PER_S),
  TOKENS_PER_S_P95("tokens_per_s_p95", Unit.RATE, 95, Measure.TOKENS_PER_S),
  TOKENS_PER_S_P99("tokens_per_s_p99", Unit.RATE, 99, Measure.TOKENS_PER_S),
  TOKENS_PER_S_P999("tokens_per_s_p999", Unit.RATE, 99.9, Measure.TOKENS_PER_S),
  TOKENS_PER_S_AVG("tokens_per_s_avg", Unit.RATE, 0, Measure.TOKENS_PER_S),
  TOKENS_PER_S_MIN("tokens_per_s_min", Unit.RATE, 0, Measure.TOKENS_PER_S),
  TOKENS_PER_S_MAX("tokens_per_s_max", Unit.RATE, 0, Measure.TOKENS_PER_S),
  /** Of the responses that say whether they were cached, the share that were. */
  CACHE_HIT_RATE("cache_hit_rate", Unit.PERCENT, 0),
  /** Dollars per request, from token counts and the scenario's prices. */
  COST_PER_REQUEST("cost_per_request", Unit.MONEY, 0),
  COST("cost", Unit.MONEY, 0),
  INPUT_TOKENS("input_tokens", Unit.COUNT, 0),
  OUTPUT_TOKENS("output_tokens", Unit.COUNT, 0),
  /** Output tokens per second over the whole run (all requests together). */
  OUTPUT_TOKENS_PER_S("output_tokens_per_s", Unit.RATE, 0);

  /** What a statistic is taken of: request latency, or a streaming measure. */
  public enum Measure {
    LATENCY,
    TTFB,
    TTFT,
    ITL,
    TPOT,
    TOKENS_PER_S
  }

  /** How a limit is written: {@code 2s}, {@code 5%}, {@code 100} or {@code 100/s}. */
  public enum Unit {
    DURATION("a duration like 500ms or 2s"),
    PERCENT("a percentage like 5%"),
    RATE("a number per second like 100"),
    COUNT("a whole number like 1000"),
    MONEY("an amount in dollars like $0.01");

    public final String expected;

    Unit(String expected) {
      this.expected = expected;
    }
  }

  public final String key;
  public final Unit unit;

  /** For percentile metrics, which percentile (0..100); 0 otherwise. */
  public final double percentile;

  /** What the statistic is of; null for counts and rates of the whole. */
  public final Measure measure;

  ThresholdMetric(String key, Unit unit, double percentile) {
    this(key, unit, percentile, unit == Unit.DURATION ? Measure.LATENCY : null);
  }

  ThresholdMetric(String key, Unit unit, double percentile, Measure measure) {
    this.key = key;
    this.unit = unit;
    this.percentile = percentile;
    this.measure = measure;
  }

  /** The statistic's own name: {@code p95} for {@code ttft_p95}; the key for others. */
  public String statistic() {
    return measure == null || measure == Measure.LATENCY ? key : key.substring(key.lastIndexOf('_') + 1);
  }

  /** The known metrics in a few words, for error messages. */
  public static String known() {
    return "p50, p90, p95, p99, p999, avg, min, max (also after ttfb_, ttft_, itl_, tpot_, tokens_per_s_), "
        + "error_rate, rps, requests, failures, dropped_iterations, cache_hit_rate, cost_per_request, cost, "
        + "input_tokens, output_tokens, output_tokens_per_s";
  }

  public static Optional<ThresholdMetric> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(m -> m.key).toList();
  }
}
