package horde.monitor;

import horde.result.TargetSummary;
import horde.scenario.Monitor;
import horde.scenario.SeriesQuery;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One Prometheus endpoint being watched: it scrapes the page, keeps it for the next scrape's rates,
 * and turns it into its series' values. A source that lists no series finds them at its first
 * good scrape: every gauge as it is and every counter as its rate ({@code x_total} becomes {@code
 * x_per_s}), summed over their labels, up to its limit. Used by one thread at a time.
 */
final class Source {
  private final Monitor.Source spec;
  private final URI uri;
  private final Duration timeout;
  private final List<Monitor.Series> series = new ArrayList<>();
  private final List<SeriesQuery.Node> queries = new ArrayList<>();
  private Exposition before;
  private long beforeNanos;
  private long scrapes, failures;
  private String lastError;

  Source(Monitor.Source spec, Duration every) {
    this.spec = spec;
    this.uri = URI.create(spec.url());
    this.timeout = spec.timeout() != null ? spec.timeout() : every.compareTo(Duration.ofSeconds(5)) < 0 ? every
        : Duration.ofSeconds(5);
    spec.series().forEach(this::keep);
  }

  private void keep(Monitor.Series s) {
    series.add(s);
    queries.add(SeriesQuery.parse(s.query()));
  }

  /** Asks for the page; the answer is read by {@link #read}. */
  CompletableFuture<HttpResponse<String>> request(HttpClient client) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Accept", "text/plain;version=0.0.4;q=0.9,*/*;q=0.1").GET().build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The series' values from an answer (or the failure that replaced it), read at {@code nanos}; null when it failed. */
  Map<String, Double> read(HttpResponse<String> answer, Throwable failure, long nanos) {
    scrapes++;
    try {
      if (failure != null) throw new IllegalStateException(describe(failure));
      if (answer.statusCode() != 200) throw new IllegalStateException("HTTP " + answer.statusCode());
      Exposition page = Exposition.parse(answer.body());
      if (spec.discovers() && series.isEmpty()) Discovery.of(page, spec.limit()).forEach(this::keep);
      Map<String, Double> out = new LinkedHashMap<>();
      double seconds = (nanos - beforeNanos) / 1e9;
      for (int i = 0; i < series.size(); i++) {
        double v = Evaluation.value(queries.get(i), page, before, seconds);
        if (!Double.isNaN(v) && !Double.isInfinite(v)) out.put(series.get(i).name(), v);
      }
      before = page;
      beforeNanos = nanos;
      return out;
    } catch (Exposition.FormatException e) {
      return failed("not the Prometheus text format: " + e.getMessage());
    } catch (IllegalStateException e) {
      return failed(e.getMessage());
    }
  }

  private Map<String, Double> failed(String why) {
    failures++;
    lastError = why;
    return null;
  }

  private static String describe(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof HttpTimeoutException) return "timed out";
    if (cause instanceof ConnectException) return "connection refused";
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  TargetSummary.Scraped report() {
    Map<String, String> queriesByName = new LinkedHashMap<>();
    series.forEach(s -> queriesByName.put(s.name(), s.query()));
    return new TargetSummary.Scraped(spec.url(), scrapes, failures, lastError, queriesByName);
  }
}
