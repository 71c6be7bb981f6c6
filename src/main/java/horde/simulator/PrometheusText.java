package horde.simulator;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): a {@code # HELP} and {@code # TYPE}
 * line per family, then {@code name{label="value"} number} samples.
 *
 * <pre>{@code
 * PrometheusText out = new PrometheusText();
 * out.family("jobs_total", "counter", "Jobs submitted.");
 * out.sample("jobs_total", 3, "status", "ok");
 * String body = out.toString();
 * }</pre>
 */
final class PrometheusText {
  /** The content type scrapers expect for this format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(2048);

  /** Starts a metric family; {@code type} is {@code counter} or {@code gauge}. */
  PrometheusText family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ');
    escapeHelp(help);
    out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** One sample; {@code labels} alternates names and values. */
  PrometheusText sample(String name, long value, String... labels) {
    return line(name, Long.toString(value), labels);
  }

  private PrometheusText line(String name, String value, String... labels) {
    out.append(name);
    if (labels.length > 0) {
      out.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) out.append(',');
        out.append(labels[i]).append("=\"");
        escapeLabelValue(labels[i + 1]);
        out.append('"');
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
    return this;
  }

  /** One sample with a fractional value. */
  PrometheusText sample(String name, double value, String... labels) {
    return line(name, number(value), labels);
  }

  /** A number as Prometheus writes one: {@code 0.005}, {@code 2.5}, {@code 1}, {@code +Inf}. */
  static String number(double v) {
    if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
    if (Double.isNaN(v)) return "NaN";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return Double.toString(v);
  }

  /** Label values escape backslash, double quote and line feed. */
  private void escapeLabelValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  /** Help text escapes only backslash and line feed. */
  private void escapeHelp(String help) {
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
