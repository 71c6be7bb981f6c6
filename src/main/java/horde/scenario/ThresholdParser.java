package horde.scenario;

import horde.scenario.Metric.Count;
import horde.scenario.Metric.LimitUnit;
import horde.scenario.Metric.Stat;
import horde.scenario.Metric.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threshold grammar:
 *
 * <pre>
 * threshold  = metric comparator limit
 * metric     = stat | histogram "_" stat | counter | counter "_per_s" | status | named
 * stat       = p50 | p90 | p95 | p99 | p999 | avg | min | max        (alone: of latency)
 * histogram  = a histogram measure: ttfb | ttft | itl | tpot | tokens_per_s | uncorrected | ...
 * counter    = a counter measure: requests | failures | input_tokens | output_tokens | cost | ...
 * status     = "status_" (code | digit "xx") "_" (count | rate | per_s)   e.g. status_429_rate
 * named      = error_rate | rps | cache_hit_rate | cost_per_request
 *            | figure "_drift"                                      e.g. p95_drift (a trend per hour)
 * comparator = "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!="   (== and != for counts only)
 * limit      = ["$"] number [unit]   unit: us ms s m h (times), % (shares), /s (per second)
 * number     = digits ["." digits]
 * </pre>
 *
 * The measures are those of a {@link Measures} registry, so a measure added there can be judged
 * at once. Metric names are case-insensitive and {@code p99.9} is another name for {@code p999}.
 * Times need a unit and may combine parts ({@code 1m30s}); shares need {@code %}; rates take a
 * bare number or {@code /s}; costs a number of dollars, with or without {@code $}; counts a whole
 * number. Spaces are allowed between the parts. Errors are {@link ThresholdSyntaxException}s that
 * say where in the expression it went wrong. {@link SeriesThresholds} has the drift's and the
 * target series' ({@code target.SERIES STAT}) grammar.
 */
public final class ThresholdParser {
  private static final Pattern SHAPE =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=|<|>|==|=|!=)?\\s*(.*?)\\s*", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)(.*)", Pattern.DOTALL);
  private static final Pattern STATUS = Pattern.compile("status_([1-5](?:\\d\\d|xx))_(count|rate|per_s)");
  private static final Pattern OF_HISTOGRAM = Pattern.compile("(.+)_(p50|p90|p95|p99|p999|avg|min|max)");

  private ThresholdParser() {}

  public static Threshold parse(String expression, String endpoint, Threshold.Level level, SourcePosition position) {
    return parse(expression, endpoint, level, position, Measures.BUILT_IN);
  }

  public static Threshold parse(String expression, String endpoint, Threshold.Level level, SourcePosition position,
      Measures measures) {
    if (SeriesThresholds.isTarget(expression)) return SeriesThresholds.parse(expression, endpoint, level, position);
    Matcher m = SHAPE.matcher(expression);
    if (!m.matches()) throw new ThresholdSyntaxException(0, "expected 'metric < limit', like p95 < 2s");
    Metric metric = metric(m.group(1), measures).orElseThrow(() -> new ThresholdSyntaxException(m.start(1),
        "unknown metric '" + m.group(1) + "'" + Suggest.didYouMean(m.group(1), keys(measures)) + "; known: "
            + known(measures)));
    Threshold.Comparator comparator = comparator(m.group(2), m.start(2) < 0 ? m.start(3) : m.start(2), metric);
    double value = limit(metric, m.group(3), m.start(3));
    return new Threshold(expression.trim(), metric, comparator, value, endpoint, level, position);
  }

  /** The metric a name means, if any. */
  public static Optional<Metric> metric(String name, Measures measures) {
    String key = name.toLowerCase(Locale.ROOT).replace("p99.9", "p999");
    Optional<Stat> stat = stat(key);
    if (stat.isPresent()) return Optional.of(new Metric(key, new Statistic.Of("latency", stat.get()), LimitUnit.DURATION));
    Matcher of = OF_HISTOGRAM.matcher(key);
    if (of.matches()) {
      Optional<Measure> h = measures.find(of.group(1)).filter(Measure::isHistogram);
      if (h.isPresent()) return Optional.of(new Metric(key, new Statistic.Of(h.get().key(), stat(of.group(2)).orElseThrow()),
          unitOf(h.get())));
    }
    Matcher status = STATUS.matcher(key);
    if (status.matches()) return Optional.of(status(key, status.group(1), status.group(2)));
    Optional<Metric> named = named(key).or(() -> SeriesThresholds.drift(key));
    if (named.isPresent()) return named;
    Optional<Measure> counter = measures.find(key).filter(c -> !c.isHistogram());
    if (counter.isPresent()) return Optional.of(new Metric(key, new Statistic.Total(new Count.Counter(key)), unitOf(counter.get())));
    if (key.endsWith("_per_s")) {
      String base = key.substring(0, key.length() - "_per_s".length());
      if (measures.find(base).filter(c -> !c.isHistogram()).isPresent())
        return Optional.of(new Metric(key, new Statistic.PerSecond(new Count.Counter(base)), LimitUnit.RATE));
    }
    return Optional.empty();
  }

  private static Optional<Stat> stat(String key) {
    for (Stat s : Stat.values()) if (s.key.equals(key)) return Optional.of(s);
    return Optional.empty();
  }

  private static Optional<Metric> named(String key) {
    Count requests = new Count.Counter("requests");
    return Optional.ofNullable(switch (key) {
      case "error_rate" -> new Metric(key, new Statistic.Share(new Count.Counter("failures"), requests), LimitUnit.PERCENT);
      case "rps" -> new Metric(key, new Statistic.PerSecond(requests), LimitUnit.RATE);
      case "cache_hit_rate" -> new Metric(key, new Statistic.Share(new Count.Counter("cache_hits"),
          new Count.Counter("cache_lookups")), LimitUnit.PERCENT);
      case "cost_per_request" -> new Metric(key, new Statistic.Share(new Count.Counter("cost"),
          new Count.Counter("priced_requests")), LimitUnit.MONEY);
      default -> null;
    });
  }

  private static Metric status(String key, String code, String statistic) {
    int from = code.endsWith("xx") ? (code.charAt(0) - '0') * 100 : Integer.parseInt(code);
    Count statuses = new Count.Statuses(from, code.endsWith("xx") ? from + 100 : from + 1);
    return switch (statistic) {
      case "count" -> new Metric(key, new Statistic.Total(statuses), LimitUnit.COUNT);
      case "rate" -> new Metric(key, new Statistic.Share(statuses, Count.ANSWERS), LimitUnit.PERCENT);
      default -> new Metric(key, new Statistic.PerSecond(statuses), LimitUnit.RATE);
    };
  }

  private static LimitUnit unitOf(Measure m) {
    return switch (m.unit()) {
      case MICROSECONDS -> LimitUnit.DURATION;
      case THOUSANDTHS -> LimitUnit.RATE;
      case COUNT, BYTES -> LimitUnit.COUNT;
      case NANODOLLARS -> LimitUnit.MONEY;
    };
  }

  /** The metric names, for "did you mean". */
  public static List<String> keys(Measures measures) {
    List<String> out = new ArrayList<>();
    for (Stat s : Stat.values()) out.add(s.key);
    for (Measure h : measures.histograms()) for (Stat s : Stat.values()) out.add(h.key() + "_" + s.key);
    out.addAll(List.of("error_rate", "rps", "cache_hit_rate", "cost_per_request", "status_429_rate", "status_5xx_count"));
    SeriesThresholds.DRIFT_FIGURES.forEach(f -> out.add(f + "_drift"));
    for (Measure c : measures.counters()) {
      out.add(c.key());
      out.add(c.key() + "_per_s");
    }
    return out;
  }

  /** The known metrics in a few words, for error messages. */
  public static String known(Measures measures) {
    List<String> prefixes = measures.histograms().stream().map(Measure::key).filter(k -> !k.equals("latency"))
        .map(k -> k + "_").toList();
    List<String> counters = measures.counters().stream().map(Measure::key).toList();
    return "p50, p90, p95, p99, p999, avg, min, max (also after " + String.join(", ", prefixes)
        + "), error_rate, rps, cache_hit_rate, cost_per_request, status_CODE_count|rate (status_429_rate,"
        + " status_5xx_count), " + String.join(", ", counters) + " (a counter also as COUNTER_per_s), p95_drift (also"
        + " p50, p90, p99, avg, error_rate, rps), target.SERIES STAT";
  }

  public static String known() {
    return known(Measures.BUILT_IN);
  }

  public static List<String> keys() {
    return keys(Measures.BUILT_IN);
  }

  private static Threshold.Comparator comparator(String op, int at, Metric metric) {
    if (op == null) throw new ThresholdSyntaxException(at, "expected a comparison: <, <=, >, >=, == or !=");
    Threshold.Comparator c = switch (op) {
      case "<" -> Threshold.Comparator.LT;
      case "<=" -> Threshold.Comparator.LE;
      case ">" -> Threshold.Comparator.GT;
      case ">=" -> Threshold.Comparator.GE;
      case "==" -> Threshold.Comparator.EQ;
      case "!=" -> Threshold.Comparator.NE;
      default -> throw new ThresholdSyntaxException(at, "'" + op + "' is not a comparison; use <, <=, >, >=, == or !=");
    };
    boolean exact = c == Threshold.Comparator.EQ || c == Threshold.Comparator.NE;
    if (exact && metric.unit() != LimitUnit.COUNT)
      throw new ThresholdSyntaxException(at, "'" + op + "' compares counts; " + metric.key() + " needs <, <=, > or >=");
    return c;
  }

  /** A limit as {@link #parse} reads it for {@code metric}. */
  static double limitOf(Metric metric, String text, int at) {
    return limit(metric, text, at);
  }

  private static double limit(Metric metric, String text, int at) {
    LimitUnit expected = metric.unit();
    if (expected == LimitUnit.NUMBER || expected == LimitUnit.DRIFT) return SeriesThresholds.limit(metric, text, at);
    if (expected == LimitUnit.MONEY && text.startsWith("$")) {
      text = text.substring(1);
      at++;
    }
    Matcher n = NUMBER.matcher(text);
    if (text.isEmpty() || !n.matches()) throw new ThresholdSyntaxException(at, metric.key() + " needs " + expected.expected);
    double number = Double.parseDouble(n.group(1));
    String unit = n.group(2).trim();
    int unitAt = at + n.start(2) + (n.group(2).length() - n.group(2).stripLeading().length());
    return switch (expected) {
      case DURATION -> {
        if (unit.isEmpty()) throw new ThresholdSyntaxException(unitAt, metric.key() + " needs a unit: " + expected.expected);
        try {
          yield Durations.parse(n.group(1) + unit).toNanos() / 1e6;
        } catch (IllegalArgumentException e) {
          throw new ThresholdSyntaxException(unitAt, "'" + unit + "' is not a time unit; use us, ms, s, m or h");
        }
      }
      case PERCENT -> {
        if (!unit.equals("%")) throw new ThresholdSyntaxException(unitAt, metric.key() + " needs " + expected.expected);
        yield number;
      }
      case RATE -> {
        if (!unit.isEmpty() && !unit.equals("/s"))
          throw new ThresholdSyntaxException(unitAt, metric.key() + " needs " + expected.expected);
        yield number;
      }
      case MONEY -> {
        if (!unit.isEmpty()) throw new ThresholdSyntaxException(unitAt, metric.key() + " needs " + expected.expected);
        yield number;
      }
      case NUMBER, DRIFT -> throw new AssertionError(expected);
      case COUNT -> {
        if (!unit.isEmpty() || number != Math.rint(number))
          throw new ThresholdSyntaxException(unit.isEmpty() ? at : unitAt, metric.key() + " needs " + expected.expected);
        yield number;
      }
    };
  }
}
