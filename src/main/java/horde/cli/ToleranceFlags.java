package horde.cli;

import horde.compare.Tolerance;
import horde.scenario.CompareSettings;
import horde.scenario.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags that override the tolerance of a comparison (over the scenario's {@code compare:} section). */
final class ToleranceFlags {
  @Option(names = "--latency-tolerance", paramLabel = "PERCENT", description = "A latency change counts above this share, e.g. 5%% (default 5%%).")
  String latency;

  @Option(names = "--latency-min", paramLabel = "DURATION", description = "...and above this much, e.g. 5ms (default 5ms).")
  String latencyMin;

  @Option(names = "--error-rate-tolerance", paramLabel = "POINTS", description = "An error-rate change counts above this many points, e.g. 0.5%% (default 0.5).")
  String errorRate;

  @Option(names = "--throughput-tolerance", paramLabel = "PERCENT", description = "A throughput change counts above this share (default 5%%).")
  String throughput;

  @Option(names = "--confidence", paramLabel = "PERCENT", description = "Confidence of the intervals, e.g. 95%% (default 99%%).")
  String confidence;

  @Option(names = "--level", paramLabel = "MEASURE=LEVEL", description = "fail, warn or off for a measure, e.g. p99=warn (repeatable).")
  List<String> levels;

  /** The tolerance of {@code base} with these flags over it; throws {@link IllegalArgumentException} for a bad value. */
  Tolerance over(Tolerance base) {
    Map<String, CompareSettings.Level> l = new LinkedHashMap<>();
    if (levels != null) {
      for (String s : levels) {
        int eq = s.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("--level " + s + ": write MEASURE=LEVEL, like p99=warn");
        try {
          l.put(s.substring(0, eq).strip(), CompareSettings.Level.valueOf(s.substring(eq + 1).strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--level " + s + ": the level is fail, warn or off");
        }
      }
    }
    Duration min = latencyMin == null ? null : Durations.parse(latencyMin);
    return base.with(new CompareSettings(percent("--latency-tolerance", latency), min, percent("--error-rate-tolerance", errorRate),
        percent("--throughput-tolerance", throughput), percent("--confidence", confidence), l));
  }

  /** {@code 5%} or {@code 5} as 5.0; null for null. */
  static Double percent(String flag, String text) {
    if (text == null) return null;
    String t = text.strip();
    if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
    try {
      double v = Double.parseDouble(t);
      if (v >= 0 && !Double.isInfinite(v)) return v;
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(flag + " " + text + ": give a number of percent, like 5%");
  }
}
