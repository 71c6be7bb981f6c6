package horde.live;

import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.stats.Names;
import org.HdrHistogram.Histogram;

/**
 * The last {@link #SECONDS} seconds of each endpoint, for the "now" columns of the live table and
 * Locust's current figures: requests, failures and latencies (kept at two significant digits, 1 %,
 * enough for a live view; the cumulative columns read the exact histograms).
 */
final class Recent {
  /** Locust's window for its current response-time percentiles. */
  static final int SECONDS = 10;

  /** What one endpoint (or all, {@code total}) did over the window; latencies in milliseconds, NaN without answers. */
  record Figures(double rps, double fps, double p50, double p95, double p99) {}

  /** The window by endpoint id, and the total of the requests (groups left out). */
  record View(Figures[] endpoints, Figures total) {}

  private final int window;
  private long[][] requests = new long[0][];
  private long[][] failures = new long[0][];
  private Histogram[][] latency = new Histogram[0][];
  private int next;
  private int filled;

  Recent(int window) {
    this.window = window;
  }

  void add(IntervalSnapshot s, Names names) {
    int n = s.endpoints() + 1; // the last row is the total
    if (requests.length != n) {
      requests = new long[n][window];
      failures = new long[n][window];
      latency = new Histogram[n][window];
    }
    for (int e = 0; e < n; e++) {
      requests[e][next] = 0;
      failures[e][next] = 0;
      latency[e][next] = null;
    }
    for (int e = 0; e < s.endpoints(); e++) {
      if (!s.touched(e)) continue;
      requests[e][next] = s.counter(e, Measures.REQUESTS);
      failures[e][next] = s.counter(e, Measures.FAILURES);
      Histogram h = s.histogram(e, Measures.LATENCY);
      if (h != null && h.getTotalCount() > 0) {
        latency[e][next] = new Histogram(2);
        latency[e][next].add(h);
      }
      if (names.endpoint(e).isGroup()) continue;
      requests[n - 1][next] += requests[e][next];
      failures[n - 1][next] += failures[e][next];
      if (latency[e][next] != null) {
        if (latency[n - 1][next] == null) latency[n - 1][next] = new Histogram(2);
        latency[n - 1][next].add(latency[e][next]);
      }
    }
    next = (next + 1) % window;
    filled = Math.min(window, filled + 1);
  }

  View view(Names names) {
    int n = requests.length;
    Figures[] out = new Figures[Math.max(0, n - 1)];
    for (int e = 0; e < n - 1; e++) out[e] = figures(e);
    return new View(out, n == 0 ? new Figures(0, 0, Double.NaN, Double.NaN, Double.NaN) : figures(n - 1));
  }

  private Figures figures(int e) {
    long r = 0, f = 0;
    Histogram h = new Histogram(2);
    for (int i = 0; i < filled; i++) {
      r += requests[e][i];
      f += failures[e][i];
      if (latency[e][i] != null) h.add(latency[e][i]);
    }
    double secs = Math.max(1, filled);
    return new Figures(r / secs, f / secs, pct(h, 50), pct(h, 95), pct(h, 99));
  }

  private static double pct(Histogram h, double p) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
  }
}
