package horde.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threshold grammar:
 *
 * <pre>
 * threshold  = metric comparator limit
 * metric     = stat | measure "_" stat | error_rate | rps | requests | failures | dropped_iterations
 *            | cache_hit_rate | cost_per_request | cost | input_tokens | output_tokens | output_tokens_per_s
 * stat       = p50 | p90 | p95 | p99 | p999 | avg | min | max
 * measure    = ttfb | ttft | itl | tpot | tokens_per_s
 * comparator = "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * limit      = ["$"] number [unit]   unit: us ms s m h (times), % (rates), /s (per second)
 * number     = digits ["." digits]
 * </pre>
 *
 * Metric names are case-insensitive and {@code p99.9} is another name for {@code p999}. Times
 * (latency, ttfb, ttft, itl, tpot) need a unit and may combine parts ({@code 1m30s}); {@code
 * error_rate} and {@code cache_hit_rate} need {@code %}; {@code rps} and the token rates take a
 * bare number or {@code /s}; costs a number of dollars, with or without {@code $}; counts a whole
 * number. Spaces are allowed between the parts.
 *
 * Errors are {@link ThresholdSyntaxException}s that say where in the expression it went wrong.
 */
public final class ThresholdParser {
  private static final Pattern SHAPE =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=|<|>|==|=|!=)?\\s*(.*?)\\s*", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)(.*)", Pattern.DOTALL);

  private ThresholdParser() {}

  public static Threshold parse(
      String expression, String endpoint, Threshold.Level level, SourcePosition position) {
    Matcher m = SHAPE.matcher(expression);
    if (!m.matches()) throw new ThresholdSyntaxException(0, "expected 'metric < limit', like p95 < 2s");
    String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
    ThresholdMetric metric =
        ThresholdMetric.byKey(key.equals("p99.9") ? "p999" : key)
            .orElseThrow(
                () ->
                    new ThresholdSyntaxException(
                        m.start(1),
                        "unknown metric '" + m.group(1) + "'"
                            + Suggest.didYouMean(m.group(1), ThresholdMetric.keys())
                            + "; known: " + ThresholdMetric.known()));
    Threshold.Comparator comparator = comparator(m.group(2), m.start(2) < 0 ? m.start(3) : m.start(2));
    double value = limit(metric, m.group(3), m.start(3));
    return new Threshold(expression.trim(), metric, comparator, value, endpoint, level, position);
  }

  private static Threshold.Comparator comparator(String op, int at) {
    if (op == null) throw new ThresholdSyntaxException(at, "expected a comparison: <, <=, > or >=");
    return switch (op) {
      case "<" -> Threshold.Comparator.LT;
      case "<=" -> Threshold.Comparator.LE;
      case ">" -> Threshold.Comparator.GT;
      case ">=" -> Threshold.Comparator.GE;
      default -> throw new ThresholdSyntaxException(at, "'" + op + "' is not a comparison; use <, <=, > or >=");
    };
  }

  private static double limit(ThresholdMetric metric, String text, int at) {
    if (metric.unit == ThresholdMetric.Unit.MONEY && text.startsWith("$")) {
      text = text.substring(1);
      at++;
    }
    Matcher n = NUMBER.matcher(text);
    if (text.isEmpty() || !n.matches())
      throw new ThresholdSyntaxException(at, metric.key + " needs " + metric.unit.expected);
    double number = Double.parseDouble(n.group(1));
    String unit = n.group(2).trim();
    int unitAt = at + n.start(2) + (n.group(2).length() - n.group(2).stripLeading().length());
    return switch (metric.unit) {
      case DURATION -> {
        if (unit.isEmpty())
          throw new ThresholdSyntaxException(unitAt, metric.key + " needs a unit: " + metric.unit.expected);
        try {
          yield Durations.parse(n.group(1) + unit).toNanos() / 1e6;
        } catch (IllegalArgumentException e) {
          throw new ThresholdSyntaxException(unitAt, "'" + unit + "' is not a time unit; use us, ms, s, m or h");
        }
      }
      case PERCENT -> {
        if (!unit.equals("%"))
          throw new ThresholdSyntaxException(unitAt, metric.key + " needs " + metric.unit.expected);
        yield number;
      }
      case RATE -> {
        if (!unit.isEmpty() && !unit.equals("/s"))
          throw new ThresholdSyntaxException(unitAt, metric.key + " needs " + metric.unit.expected);
        yield number;
      }
      case MONEY -> {
        if (!unit.isEmpty()) throw new ThresholdSyntaxException(unitAt, metric.key + " needs " + metric.unit.expected);
        yield number;
      }
      case COUNT -> {
        if (!unit.isEmpty() || number != Math.rint(number))
          throw new ThresholdSyntaxException(unit.isEmpty() ? at : unitAt, metric.key + " needs " + metric.unit.expected);
        yield number;
      }
    };
  }
}
