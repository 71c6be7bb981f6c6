package horde.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What watching the target ({@code monitor:}) did over a run: each Prometheus endpoint with its
 * scrapes, failed scrapes and last error, and the series it gave with their queries. The series'
 * values are in the run's intervals, second by second ({@link horde.stats.TargetSample}).
 *
 * @param everySeconds how often each endpoint was scraped
 */
public record TargetSummary(double everySeconds, List<Scraped> endpoints) {
  /**
   * @param series by name, its query
   * @param lastError why the last failed scrape failed, or null
   */
  public record Scraped(String url, long scrapes, long failures, String lastError, Map<String, String> series) {
    public Scraped {
      series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
  }

  public TargetSummary {
    endpoints = List.copyOf(endpoints);
  }

  public long failures() {
    return endpoints.stream().mapToLong(Scraped::failures).sum();
  }

  /** Every series, by name, with its query. */
  public Map<String, String> series() {
    Map<String, String> out = new LinkedHashMap<>();
    endpoints.forEach(e -> out.putAll(e.series()));
    return out;
  }
}
