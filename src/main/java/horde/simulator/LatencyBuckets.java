package horde.simulator;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The simulator's response times as a Prometheus classic histogram per endpoint, from a request's
 * arrival to the last byte of its answer (a stream's end): counts per bucket, their sum and count,
 * lock-free. Buckets are Prometheus' default bounds, 5 ms to 10 s.
 */
final class LatencyBuckets {
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  private static final Endpoint[] ENDPOINTS = Endpoint.values();
  private static final int WIDTH = BOUNDS.length + 1;

  private final AtomicLongArray counts = new AtomicLongArray(ENDPOINTS.length * WIDTH);
  private final AtomicLongArray micros = new AtomicLongArray(ENDPOINTS.length);

  void observe(Endpoint e, long nanos) {
    double seconds = nanos / 1e9;
    int b = 0;
    while (b < BOUNDS.length && seconds > BOUNDS[b]) b++;
    counts.incrementAndGet(e.ordinal() * WIDTH + b);
    micros.addAndGet(e.ordinal(), nanos / 1000);
  }

  void render(PrometheusText out, String name) {
    out.family(name, "histogram", "Time from a request's arrival to the end of its answer, by endpoint.");
    for (Endpoint e : ENDPOINTS) {
      long total = 0;
      for (int b = 0; b < WIDTH; b++) total += counts.get(e.ordinal() * WIDTH + b);
      if (total == 0) continue;
      long cumulative = 0;
      for (int b = 0; b < WIDTH; b++) {
        cumulative += counts.get(e.ordinal() * WIDTH + b);
        String le = b < BOUNDS.length ? PrometheusText.number(BOUNDS[b]) : "+Inf";
        out.sample(name + "_bucket", cumulative, "endpoint", e.template(), "le", le);
      }
      out.sample(name + "_sum", micros.get(e.ordinal()) / 1e6, "endpoint", e.template());
      out.sample(name + "_count", total, "endpoint", e.template());
    }
  }
}
