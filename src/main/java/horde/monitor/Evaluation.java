package horde.monitor;

import horde.scenario.SeriesQuery;
import horde.scenario.SeriesQuery.Aggregate;
import horde.scenario.SeriesQuery.Binary;
import horde.scenario.SeriesQuery.LabelMatcher;
import horde.scenario.SeriesQuery.Negative;
import horde.scenario.SeriesQuery.Number;
import horde.scenario.SeriesQuery.Quantile;
import horde.scenario.SeriesQuery.Rate;
import horde.scenario.SeriesQuery.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query's value from a scrape and the one before it: selectors sum what they match, rates divide
 * each series' increase by the seconds between the scrapes (a counter that went down was reset and
 * counts from zero, as Prometheus takes it), {@code histogram_quantile} interpolates within the
 * buckets of the observations made between the scrapes, as Prometheus does over a rate of buckets.
 * NaN when there is no value: nothing matched, no scrape before, no new observation.
 *
 * <pre>{@code
 * double v = Evaluation.value(query, now, before, 1.0);
 * }</pre>
 */
final class Evaluation {
  private Evaluation() {}

  /** @param before the previous scrape, or null; {@code seconds} between them */
  static double value(SeriesQuery.Node n, Exposition now, Exposition before, double seconds) {
    return switch (n) {
      case Number x -> x.value();
      case Negative x -> -value(x.of(), now, before, seconds);
      case Binary b -> binary(b, value(b.left(), now, before, seconds), value(b.right(), now, before, seconds));
      case Selector s -> sum(values(s, now));
      case Rate r -> sum(rates(r.of(), now, before, seconds));
      case Aggregate a -> aggregate(a.function(), a.of() instanceof Rate r ? rates(r.of(), now, before, seconds)
          : values((Selector) a.of(), now));
      case Quantile q -> quantile(q, now, before);
    };
  }

  private static double binary(Binary b, double l, double r) {
    return switch (b.op()) {
      case '+' -> l + r;
      case '-' -> l - r;
      case '*' -> l * r;
      default -> r == 0 ? Double.NaN : l / r;
    };
  }

  /** The samples a selector matches, keyed by their labels. */
  private static Map<Map<String, String>, Double> matched(Selector s, Exposition page) {
    Map<Map<String, String>, Double> out = new HashMap<>();
    if (page == null) return out;
    for (Exposition.Sample x : page.samples()) {
      if (x.name().equals(s.name()) && matches(s.matchers(), x.labels())) out.put(x.labels(), x.value());
    }
    return out;
  }

  private static boolean matches(List<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) if (!m.matches(labels.get(m.label()))) return false;
    return true;
  }

  private static List<Double> values(Selector s, Exposition page) {
    return new ArrayList<>(matched(s, page).values());
  }

  private static List<Double> rates(Selector s, Exposition now, Exposition before, double seconds) {
    List<Double> out = new ArrayList<>();
    if (before == null || !(seconds > 0)) return out;
    Map<Map<String, String>, Double> previous = matched(s, before);
    matched(s, now).forEach((labels, v) -> {
      Double p = previous.get(labels);
      if (p != null) out.add(increase(p, v) / seconds);
    });
    return out;
  }

  /** A counter's increase between two readings; one that went down was reset to zero between them. */
  private static double increase(double before, double now) {
    return now >= before ? now - before : now;
  }

  private static double sum(List<Double> values) {
    if (values.isEmpty()) return Double.NaN;
    double s = 0;
    for (double v : values) s += v;
    return s;
  }

  private static double aggregate(String function, List<Double> values) {
    if (function.equals("count")) return values.size();
    if (values.isEmpty()) return Double.NaN;
    return switch (function) {
      case "avg" -> sum(values) / values.size();
      case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
      case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      default -> sum(values);
    };
  }

  /**
   * Prometheus' {@code histogram_quantile} over the buckets' increases since the last scrape: the
   * bucket where the rank falls, interpolated linearly (from 0 for the first bucket); in the +Inf
   * bucket, the highest finite bound.
   */
  private static double quantile(Quantile q, Exposition now, Exposition before) {
    if (before == null) return Double.NaN;
    String name = q.of().name().endsWith("_bucket") ? q.of().name() : q.of().name() + "_bucket";
    Selector buckets = new Selector(name, q.of().matchers());
    Map<Map<String, String>, Double> previous = matched(buckets, before);
    TreeMap<Double, Double> byBound = new TreeMap<>();
    matched(buckets, now).forEach((labels, v) -> {
      Double p = previous.get(labels);
      String le = labels.get("le");
      if (p == null || le == null) return;
      double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      byBound.merge(bound, increase(p, v), Double::sum);
    });
    if (byBound.isEmpty() || byBound.lastKey() != Double.POSITIVE_INFINITY) return Double.NaN;
    double total = byBound.lastEntry().getValue();
    if (!(total > 0)) return Double.NaN;
    double rank = q.q() * total, lower = 0, below = 0;
    for (Map.Entry<Double, Double> b : byBound.entrySet()) {
      double count = b.getValue();
      if (count >= rank) {
        if (b.getKey() == Double.POSITIVE_INFINITY) return lower;
        if (count == below) return b.getKey();
        return lower + (b.getKey() - lower) * (rank - below) / (count - below);
      }
      lower = b.getKey();
      below = count;
    }
    return lower;
  }
}
