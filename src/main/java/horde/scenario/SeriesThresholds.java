package horde.scenario;

import horde.scenario.Metric.LimitUnit;
import horde.scenario.Metric.Statistic;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two kinds of threshold that judge figures over time rather than totals:
 *
 * <pre>
 * target  = "target." series stat comparator limit     target.queue_depth max &lt; 50
 * stat    = min | max | avg | last | "p" number            (over the series' seconds)
 * drift   = figure "_drift" comparator number "%/h"       p95_drift &lt; 10%/h
 * figure  = p50 | p90 | p95 | p99 | avg | error_rate | rps
 * </pre>
 *
 * A series' unit comes from its name, as Prometheus names them: {@code _seconds} is a time (limits
 * are durations, {@code 100ms}), {@code _ratio} a fraction (limits are percentages, {@code 60%}),
 * {@code _percent} a percentage; anything else is a plain number, which may be written as a size
 * ({@code 512MB}). A drift is per hour: relative to where the figure started ({@code p95_drift <
 * 10%/h}), and in points of a share for {@code error_rate_drift}; a limit may be negative ({@code
 * rps_drift > -10%/h}) and may be written per minute ({@code %/m}).
 */
public final class SeriesThresholds {
  public static final String PREFIX = "target.";
  public static final List<String> DRIFT_FIGURES = List.of("p50", "p90", "p95", "p99", "avg", "error_rate", "rps");
  private static final Pattern TARGET = Pattern.compile(
      "\\s*target\\.([A-Za-z_:][A-Za-z0-9_:]*)\\s*(?:([A-Za-z][A-Za-z0-9.]*)\\s*)?(<=|>=|<|>|==|=|!=)?\\s*(.*?)\\s*",
      Pattern.DOTALL);
  private static final Pattern STAT = Pattern.compile("min|max|avg|last|p(\\d{1,2}(?:\\.\\d+)?)");
  private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(.*)", Pattern.DOTALL);

  private SeriesThresholds() {}

  /** Whether an expression judges a target series. */
  public static boolean isTarget(String expression) {
    return expression.stripLeading().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Parses {@code target.NAME STAT < LIMIT}; the endpoint must be null (a series has none). */
  static Threshold parse(String expression, String endpoint, Threshold.Level level, SourcePosition position) {
    Matcher m = TARGET.matcher(expression);
    if (!m.matches())
      throw new ThresholdSyntaxException(0, "expected 'target.NAME STAT < LIMIT', like target.queue_depth max < 50");
    String name = m.group(1);
    String stat = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
    int statAt = m.group(2) == null ? m.start(3) < 0 ? m.start(4) : m.start(3) : m.start(2);
    if (stat == null || !STAT.matcher(stat).matches())
      throw new ThresholdSyntaxException(Math.max(0, statAt), "a target series needs a statistic over its seconds: min,"
          + " max, avg, last or pNN, like target." + name + " max < 50");
    Matcher pct = STAT.matcher(stat);
    pct.matches();
    double percentile = pct.group(1) == null ? Double.NaN : Double.parseDouble(pct.group(1));
    if (percentile == 0) throw new ThresholdSyntaxException(m.start(2), "p0 is no percentile; use min");
    if (endpoint != null) throw new ThresholdSyntaxException(0, "a target series belongs to no endpoint; remove endpoint");
    LimitUnit unit = unitOf(name);
    double scale = name.endsWith("_seconds") ? 1000 : name.endsWith("_ratio") ? 100 : 1;
    Metric metric = new Metric(PREFIX + name + " " + stat, new Statistic.Target(name, stat, percentile, scale), unit);
    if (m.group(3) == null)
      throw new ThresholdSyntaxException(m.start(4), "expected a comparison: <, <=, >, >=");
    Threshold.Comparator c = comparator(m.group(3), m.start(3));
    double value = unit == LimitUnit.NUMBER ? limit(metric, m.group(4), m.start(4))
        : ThresholdParser.limitOf(metric, m.group(4), m.start(4));
    return new Threshold(expression.trim(), metric, c, value, null, level, position);
  }

  /** The unit a series' limits are written in, from its name. */
  public static LimitUnit unitOf(String series) {
    if (series.endsWith("_seconds")) return LimitUnit.DURATION;
    if (series.endsWith("_ratio") || series.endsWith("_percent")) return LimitUnit.PERCENT;
    return LimitUnit.NUMBER;
  }

  /** {@code p95_drift} and the like, if {@code key} is one. */
  static Optional<Metric> drift(String key) {
    if (!key.endsWith("_drift")) return Optional.empty();
    String figure = key.substring(0, key.length() - "_drift".length());
    if (!DRIFT_FIGURES.contains(figure)) return Optional.empty();
    return Optional.of(new Metric(key, new Statistic.Drift(figure), LimitUnit.DRIFT));
  }

  private static Threshold.Comparator comparator(String op, int at) {
    return switch (op) {
      case "<" -> Threshold.Comparator.LT;
      case "<=" -> Threshold.Comparator.LE;
      case ">" -> Threshold.Comparator.GT;
      case ">=" -> Threshold.Comparator.GE;
      default -> throw new ThresholdSyntaxException(at, "'" + op + "' does not compare a series; use <, <=, > or >=");
    };
  }

  /** A limit of a {@link LimitUnit#NUMBER} or {@link LimitUnit#DRIFT} metric. */
  static double limit(Metric metric, String text, int at) {
    Matcher n = NUMBER.matcher(text);
    if (text.isEmpty() || !n.matches()) throw new ThresholdSyntaxException(at, metric.key() + " needs " + metric.unit().expected);
    double number = Double.parseDouble(n.group(1));
    String unit = n.group(2).trim();
    int unitAt = at + n.start(2);
    if (metric.unit() == LimitUnit.DRIFT) {
      return switch (unit.replace(" ", "")) {
        case "%/h" -> number;
        case "%/m", "%/min" -> number * 60;
        default -> throw new ThresholdSyntaxException(unitAt, metric.key() + " needs " + metric.unit().expected);
      };
    }
    if (unit.isEmpty()) return number;
    try {
      return number * Sizes.parse("1" + unit);
    } catch (IllegalArgumentException e) {
      throw new ThresholdSyntaxException(unitAt, "'" + unit + "' is no unit of " + metric.key() + "; write a number"
          + " (or a size like 512MB)");
    }
  }
}
