package horde.compare;

import org.HdrHistogram.Histogram;

/**
 * What a comparison reads of one endpoint of one run.
 *
 * @param method the HTTP method, {@code GROUP} for a transaction, empty for all requests together
 * @param latency microseconds
 * @param ttft time to first token in microseconds, or null when not streamed
 * @param itl inter-token latency in microseconds, or null when not streamed
 */
public record MeasuredEndpoint(String name, String method, long requests, long failures, Histogram latency,
    Histogram ttft, Histogram itl) {

  String key() {
    return method + " " + name;
  }

  Histogram histogram(Measure.Kind kind) {
    return switch (kind) {
      case TTFT -> ttft;
      case ITL -> itl;
      default -> latency;
    };
  }
}
