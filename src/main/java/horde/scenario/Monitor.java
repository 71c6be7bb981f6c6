package horde.scenario;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to watch on the target while the load runs ({@code monitor:}): Prometheus endpoints — the
 * target's own {@code /metrics}, an exporter's, the simulator's — and the series to keep from each,
 * scraped every {@code every} onto the run's timeline. A criterion names a series as {@code
 * target.NAME}.
 *
 * <pre>{@code
 * new Monitor(List.of(new Monitor.Source("http://127.0.0.1:9100/metrics",
 *     List.of(new Monitor.Series("load1", "node_load1")), 0, null)), Duration.ofSeconds(1));
 * }</pre>
 *
 * @param prometheus the endpoints scraped, at least one
 * @param every how often each is scraped
 */
public record Monitor(List<Source> prometheus, Duration every) {
  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);
  public static final int DEFAULT_LIMIT = 100;

  /**
   * One Prometheus endpoint.
   *
   * @param series the series kept, each a name and a query; empty keeps every gauge (as it is) and
   *     every counter (as its rate, named {@code NAME_per_s} without {@code _total}), summed over
   *     their labels, up to {@code limit}
   * @param limit the most series discovered when {@code series} is empty
   * @param timeout how long a scrape may take; at most {@code every} by default
   */
  public record Source(String url, List<Series> series, int limit, Duration timeout) {
    public Source {
      Objects.requireNonNull(url, "url");
      series = List.copyOf(series == null ? List.of() : series);
      limit = limit <= 0 ? DEFAULT_LIMIT : limit;
    }

    /** Whether its series are found at the first scrape rather than listed. */
    public boolean discovers() {
      return series.isEmpty();
    }
  }

  /**
   * A series kept: a name for criteria and reports, and a query in a small PromQL-like language
   * ({@code celery_queue_depth}, {@code rate(http_requests_total{status=~"5.."})}, {@code
   * histogram_quantile(0.95, pg_query_seconds)}, {@code rate(hits) / (rate(hits) + rate(misses))}).
   */
  public record Series(String name, String query) {
    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(query, "query");
    }
  }

  public Monitor {
    prometheus = List.copyOf(prometheus);
    every = every == null ? DEFAULT_EVERY : every;
    if (prometheus.isEmpty()) throw new IllegalArgumentException("monitor: at least one Prometheus endpoint");
    if (every.isZero() || every.isNegative()) throw new IllegalArgumentException("monitor: every must be positive");
  }

  /** The names of every listed series. */
  public Set<String> seriesNames() {
    Set<String> out = new LinkedHashSet<>();
    prometheus.forEach(s -> s.series().forEach(x -> out.add(x.name())));
    return out;
  }

  /** Whether some endpoint keeps whatever it exposes, so a name cannot be checked before the run. */
  public boolean discovers() {
    return prometheus.stream().anyMatch(Source::discovers);
  }
}
