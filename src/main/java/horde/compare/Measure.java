package horde.compare;

import horde.scenario.CompareSettings;
import java.util.Locale;

/**
 * What a comparison judges per endpoint: latency percentiles, the error rate, the throughput, and
 * for streamed answers time to first token and inter-token latency. A group's (transaction's)
 * latency is its duration end to end.
 */
public enum Measure {
  P50(Kind.LATENCY, 0.50),
  P95(Kind.LATENCY, 0.95),
  P99(Kind.LATENCY, 0.99),
  ERROR_RATE(Kind.ERRORS, Double.NaN),
  THROUGHPUT(Kind.THROUGHPUT, Double.NaN),
  TTFT_P50(Kind.TTFT, 0.50),
  TTFT_P95(Kind.TTFT, 0.95),
  ITL_P50(Kind.ITL, 0.50),
  ITL_P95(Kind.ITL, 0.95);

  /** Which figures a measure reads. */
  enum Kind {
    LATENCY,
    TTFT,
    ITL,
    ERRORS,
    THROUGHPUT;

    boolean isTime() {
      return this == LATENCY || this == TTFT || this == ITL;
    }
  }

  final Kind kind;
  /** For time measures: the quantile, 0..1. */
  final double quantile;

  Measure(Kind kind, double quantile) {
    this.kind = kind;
    this.quantile = quantile;
  }

  /** The key the scenario's compare section, the flags and the JSON use: {@code p95}, {@code error_rate}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit of its values and changes: {@code ms}, {@code %} (error rate, in points for a change) or {@code /s}. */
  public String unit() {
    return switch (kind) {
      case ERRORS -> "%";
      case THROUGHPUT -> "/s";
      default -> "ms";
    };
  }

  /** Whether a higher value is worse (all but throughput). */
  public boolean higherIsWorse() {
    return kind != Kind.THROUGHPUT;
  }

  /** The measure of a key, or null. */
  public static Measure of(String key) {
    for (Measure m : values()) if (m.key().equals(key)) return m;
    return null;
  }

  static {
    for (Measure m : values()) {
      if (!CompareSettings.MEASURES.contains(m.key())) throw new ExceptionInInitializerError("CompareSettings.MEASURES lacks " + m.key());
    }
  }
}
