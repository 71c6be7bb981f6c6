package horde.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target's own metrics in one second of the run ({@code monitor:}): each watched series' value
 * from the latest scrape that had it, and how many scrapes failed in the second. A series with no
 * fresh value (its endpoint down, a rate's first scrape, a histogram with no new observation) is
 * absent from {@code values}, never zero.
 *
 * @param values by series name, in the unit scraped (seconds stay seconds)
 * @param failures scrapes that failed (refused, timed out, not the text format) and ended in the second
 */
public record TargetSample(Map<String, Double> values, int failures) {
  public static final TargetSample EMPTY = new TargetSample(Map.of(), 0);

  public TargetSample {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A series' value, or NaN when the second has none. */
  public double value(String series) {
    Double v = values.get(series);
    return v == null ? Double.NaN : v;
  }

  /** This second and {@code later} as one (a short last piece joining the second before it). */
  public TargetSample join(TargetSample later) {
    if (later == null) return this;
    Map<String, Double> out = new LinkedHashMap<>(values);
    out.putAll(later.values);
    return new TargetSample(out, failures + later.failures);
  }
}
