package horde.compare;

import java.util.List;
import java.util.Map;

/**
 * What a comparison reads of one run; {@link Measured} makes it from a result.
 *
 * @param label how reports name the run ({@code run 42}, {@code results/a.json})
 * @param load the load settings as run, to tell when two runs did not run the same load
 * @param measuredSeconds the length of the measured window (after the warm-up)
 * @param total all requests together (groups left out)
 */
public record MeasuredRun(String label, String scenario, Map<String, Object> load, double measuredSeconds,
    boolean aborted, MeasuredEndpoint total, List<MeasuredEndpoint> endpoints) {
  public MeasuredRun {
    load = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(load));
    endpoints = List.copyOf(endpoints);
  }
}
