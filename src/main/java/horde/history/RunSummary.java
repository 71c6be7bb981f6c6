package horde.history;

import java.util.Map;

/**
 * One recorded run as {@code horde runs} lists it: the columns of the history table.
 *
 * @param startedAt ISO 8601, UTC
 * @param scenario the scenario's name
 * @param verdict the run's criteria: {@code pass}, {@code warn} or {@code fail}
 * @param errorRate percent
 * @param p95Ms all requests together, milliseconds
 * @param host the machine that ran it
 */
public record RunSummary(long id, String startedAt, String scenario, String scenarioFile, String target,
    Map<String, String> tags, String verdict, boolean aborted, long requests, long failures, double errorRate,
    double rps, double p50Ms, double p95Ms, double p99Ms, double measuredSeconds, String host, String hordeVersion) {
  public RunSummary {
    tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
  }
}
