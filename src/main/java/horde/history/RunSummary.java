package horde.history;

import horde.result.SearchSummary;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded run as {@code horde runs} lists it: the columns of the history table.
 *
 * @param startedAt ISO 8601, UTC
 * @param scenario the scenario's name
 * @param verdict the run's criteria: {@code pass}, {@code warn} or {@code fail}
 * @param errorRate percent
 * @param p95Ms all requests together, milliseconds
 * @param host the machine that ran it
 * @param search what a capacity search found, or null for a plain run
 */
public record RunSummary(long id, String startedAt, String scenario, String scenarioFile, String target,
    Map<String, String> tags, String verdict, boolean aborted, long requests, long failures, double errorRate,
    double rps, double p50Ms, double p95Ms, double p99Ms, double measuredSeconds, String host, String hordeVersion,
    Search search) {
  public RunSummary {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /**
   * A capacity search as the history keeps it: the capacity lies between the knee and the lowest
   * failing level above it.
   *
   * @param kind {@code users} or {@code rate}
   * @param knee the highest level that met every criterion; NaN when even the lowest failed
   * @param above the lowest failing level above the knee; NaN when none failed
   */
  public record Search(String kind, int steps, double knee, double above) {
    /** {@code knee 40 users (50 failed), 7 steps}, {@code no knee (10 users failed), 3 steps}. */
    public String describe() {
      String knee = Double.isNaN(this.knee) ? "no knee" : "knee " + SearchSummary.label(kind, this.knee);
      String failed = Double.isNaN(above) ? "none failed" : SearchSummary.label(kind, above) + " failed";
      return knee + " (" + failed + "), " + steps + (steps == 1 ? " step" : " steps");
    }
  }
}
