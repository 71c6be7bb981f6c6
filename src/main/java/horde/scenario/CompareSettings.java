package horde.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  /** As the result file's {@code settings.compare} holds it: only what is set, in plain units. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (latencyPercent != null) m.put("latency_percent", latencyPercent);
    if (latencyMin != null) m.put("latency_min_ms", latencyMin.toNanos() / 1e6);
    if (errorRatePoints != null) m.put("error_rate_points", errorRatePoints);
    if (throughputPercent != null) m.put("throughput_percent", throughputPercent);
    if (confidencePercent != null) m.put("confidence_percent", confidencePercent);
    if (!levels.isEmpty()) {
      Map<String, String> l = new LinkedHashMap<>();
      levels.forEach((k, v) -> l.put(k, v.name().toLowerCase(Locale.ROOT)));
      m.put("levels", l);
    }
    return m;
  }

  /** Back from {@link #asMap()}'s form; what cannot be read is left unset. */
  public static CompareSettings fromMap(Object o) {
    if (!(o instanceof Map<?, ?> m)) return NONE;
    Map<String, Level> levels = new LinkedHashMap<>();
    if (m.get("levels") instanceof Map<?, ?> l) {
      l.forEach((k, v) -> {
        if (MEASURES.contains(String.valueOf(k))) {
          try {
            levels.put(String.valueOf(k), Level.valueOf(String.valueOf(v).toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            // an unknown level: the default holds
          }
        }
      });
    }
    Double min = number(m.get("latency_min_ms"));
    Double confidence = number(m.get("confidence_percent"));
    if (confidence != null && !(confidence > 50 && confidence < 100)) confidence = null;
    return new CompareSettings(number(m.get("latency_percent")), min == null ? null : Duration.ofNanos(Math.round(min * 1e6)),
        number(m.get("error_rate_points")), number(m.get("throughput_percent")), confidence, levels);
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }
}
