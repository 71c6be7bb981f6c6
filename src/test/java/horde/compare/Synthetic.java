package horde.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/** Runs made of known distributions, for testing the method's edges without a network. */
final class Synthetic {
  private Synthetic() {}

  /** n latencies, normal around {@code meanMs} with {@code sdMs}, in microseconds. */
  static Histogram normal(long n, double meanMs, double sdMs, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Histogram h = new Histogram(3);
    for (long i = 0; i < n; i++) h.recordValue(Math.max(1, Math.round((meanMs + sdMs * r.nextGaussian()) * 1000)));
    return h;
  }

  static MeasuredEndpoint endpoint(String name, Histogram latency, long failures) {
    return new MeasuredEndpoint(name, "GET", latency.getTotalCount() + failures, failures, latency, null, null);
  }

  static MeasuredRun run(String label, double seconds, MeasuredEndpoint... endpoints) {
    Histogram all = new Histogram(3);
    long requests = 0, failures = 0;
    for (MeasuredEndpoint e : endpoints) {
      all.add(e.latency());
      requests += e.requests();
      failures += e.failures();
    }
    return new MeasuredRun(label, "synthetic", Map.of("users", 10), seconds, false,
        new MeasuredEndpoint("all requests", "", requests, failures, all, null, null), new ArrayList<>(List.of(endpoints)), List.of());
  }

  static Comparison compare(MeasuredRun baseline, MeasuredRun candidate) {
    return Comparer.compare("baseline", List.of(baseline), candidate, Tolerance.DEFAULTS);
  }

  static Change change(Comparison c, String endpoint, Measure m) {
    return c.endpoints().stream().filter(e -> e.name().equals(endpoint)).findFirst().orElseThrow()
        .changes().stream().filter(ch -> ch.measure() == m).findFirst().orElseThrow();
  }
}
