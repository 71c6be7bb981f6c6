package horde.stats;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one endpoint (or the whole run) did in the measured window.
 *
 * @param latency microseconds, requests that got a response; in the open model counted from each
 *     iteration's intended start
 * @param failuresByReason reason name to count, largest first
 * @param samples reason name to the first message seen
 * @param uncorrected open model only (else null): the same requests timed from their actual send,
 *     as a closed-loop tool would report them
 * @param llm streaming and token figures, for endpoints that track them (else null)
 */
public record EndpointStats(
    String name,
    String method,
    long requests,
    long failures,
    long bytesSent,
    long bytesReceived,
    Histogram latency,
    Map<String, Long> failuresByReason,
    Map<String, String> samples,
    Histogram uncorrected,
    LlmStats llm) {

  public EndpointStats(String name, String method, long requests, long failures, long bytesSent, long bytesReceived,
      Histogram latency, Map<String, Long> failuresByReason, Map<String, String> samples, Histogram uncorrected) {
    this(name, method, requests, failures, bytesSent, bytesReceived, latency, failuresByReason, samples, uncorrected, null);
  }

  public EndpointStats(String name, String method, long requests, long failures, long bytesSent, long bytesReceived,
      Histogram latency, Map<String, Long> failuresByReason, Map<String, String> samples) {
    this(name, method, requests, failures, bytesSent, bytesReceived, latency, failuresByReason, samples, null, null);
  }

  /** A transaction (group): timed end to end, kept out of request totals. */
  public boolean isGroup() {
    return "GROUP".equals(method);
  }

  public LatencySummary summary() {
    return LatencySummary.of(latency);
  }

  public double errorRatePercent() {
    return requests == 0 ? 0 : 100.0 * failures / requests;
  }
}
