package horde.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison reads of one run; {@link Measured} makes it from a result.
 *
 * @param label how reports name the run ({@code run 42}, {@code results/a.json})
 * @param load the load settings as run, to tell when two runs did not run the same load
 * @param measuredSeconds the length of the measured window (after the warm-up)
 * @param total all requests together (groups left out)
 * @param seconds the measured window's seconds (warm-up left out), for how much the figures move
 *     from second to second; may be empty
 */
public record MeasuredRun(String label, String scenario, Map<String, Object> load, double measuredSeconds,
    boolean aborted, MeasuredEndpoint total, List<MeasuredEndpoint> endpoints, List<Measured.Second> seconds) {
  public MeasuredRun {
    seconds = List.copyOf(seconds);
    load = Collections.unmodifiableMap(new LinkedHashMap<>(load));
    endpoints = List.copyOf(endpoints);
  }
}
