package horde.compare;

import horde.scenario.CompareSettings;
import horde.scenario.CompareSettings.Level;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How large a change must be to count, how sure the evidence must be, and what a regression of
 * each measure does. The defaults are overridden by the scenario's {@code compare:} section, then
 * by flags ({@link #with}).
 *
 * @param latencyPercent a latency change counts above this share of the baseline (percent) ...
 * @param latencyMinMs ... and above this many milliseconds
 * @param errorRatePoints an error-rate change counts above this many percentage points
 * @param throughputPercent a throughput change counts above this share of the baseline (percent)
 * @param confidencePercent of every interval
 */
public record Tolerance(double latencyPercent, double latencyMinMs, double errorRatePoints, double throughputPercent,
    double confidencePercent, Map<Measure, Level> levels) {
  public static final Tolerance DEFAULTS = new Tolerance(5, 5, 0.5, 5, 99, Map.of());

  public Tolerance {
    EnumMap<Measure, Level> all = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) all.put(m, levels.getOrDefault(m, Level.FAIL));
    levels = Collections.unmodifiableMap(all);
  }

  /** These settings over this tolerance: each one that is set replaces the value here. */
  public Tolerance with(CompareSettings s) {
    if (s == null) return this;
    EnumMap<Measure, Level> l = new EnumMap<>(levels);
    s.levels().forEach((k, v) -> l.put(Measure.of(k), v));
    return new Tolerance(or(s.latencyPercent(), latencyPercent),
        s.latencyMin() == null ? latencyMinMs : s.latencyMin().toNanos() / 1e6, or(s.errorRatePoints(), errorRatePoints),
        or(s.throughputPercent(), throughputPercent), or(s.confidencePercent(), confidencePercent), l);
  }

  double confidence() {
    return confidencePercent / 100;
  }

  public Level level(Measure m) {
    return levels.get(m);
  }

  /** The tolerance of a measure whose baseline value is {@code baseline}, in the measure's unit. */
  double of(Measure m, double baseline) {
    return switch (m.kind) {
      case ERRORS -> errorRatePoints;
      case THROUGHPUT -> throughputPercent / 100 * baseline;
      default -> Math.max(latencyPercent / 100 * baseline, latencyMinMs);
    };
  }

  private static double or(Double v, double fallback) {
    return v == null ? fallback : v;
  }
}
