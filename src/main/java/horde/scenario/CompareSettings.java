package horde.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The scenario's {@code compare:} section: how much a change must amount to before {@code horde
 * compare} calls it a regression, and how a regression of each measure counts. Every field may be
 * null: then Horde's default holds (see docs/compare.md).
 *
 * <pre>{@code
 * compare:
 *   tolerance: {latency: 5%, latency_min: 5ms, error_rate: 0.5%, throughput: 5%}
 *   confidence: 99%
 *   levels: {p99: warn, throughput: off}
 * }</pre>
 *
 * @param latencyPercent the relative change of a latency percentile that counts (percent)
 * @param latencyMin and the smallest absolute change of one that counts
 * @param errorRatePoints the change of an error rate that counts, in percentage points
 * @param throughputPercent the relative change of a throughput that counts (percent)
 * @param confidencePercent the confidence of the intervals (percent, above 50 and below 100)
 * @param levels by measure ({@link #MEASURES}): whether its regression fails the comparison,
 *     warns, or is not judged
 */
public record CompareSettings(Double latencyPercent, Duration latencyMin, Double errorRatePoints, Double throughputPercent,
    Double confidencePercent, Map<String, Level> levels) {
  /** The measures a comparison judges, by the keys the section and the flags use. */
  public static final List<String> MEASURES =
      List.of("p50", "p95", "p99", "error_rate", "throughput", "ttft_p50", "ttft_p95", "itl_p50", "itl_p95");

  public static final CompareSettings NONE = new CompareSettings(null, null, null, null, null, Map.of());

  /** What a regression of a measure does, as the levels of criteria do. */
  public enum Level {
    FAIL,
    WARN,
    OFF
  }

  public CompareSettings {
    levels = Maps.ordered(levels);
    for (String m : levels.keySet()) {
      if (!MEASURES.contains(m))
        throw new IllegalArgumentException("unknown measure '" + m + "'" + Suggest.didYouMean(m, MEASURES)
            + "; compare knows " + String.join(", ", MEASURES));
    }
    if (confidencePercent != null && !(confidencePercent > 50 && confidencePercent < 100))
      throw new IllegalArgumentException("confidence must lie between 50% and 100%, like 95%");
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
