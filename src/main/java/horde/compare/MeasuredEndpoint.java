package horde.compare;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a comparison reads of one endpoint of one run.
 *
 * @param method the HTTP method, {@code GROUP} for a transaction, empty for all requests together
 * @param latency microseconds
 * @param ttft time to first token in microseconds, or null when not streamed
 * @param itl inter-token latency in microseconds, or null when not streamed
 * @param batches the same, second by second over the measured window; empty when the result has no
 *     per-second intervals (files written before they were kept)
 */
public record MeasuredEndpoint(String name, String method, long requests, long failures, Histogram latency,
    Histogram ttft, Histogram itl, List<Batch> batches) {

  public MeasuredEndpoint {
    batches = List.copyOf(batches);
  }

  /** Without per-second batches. */
  public MeasuredEndpoint(String name, String method, long requests, long failures, Histogram latency, Histogram ttft,
      Histogram itl) {
    this(name, method, requests, failures, latency, ttft, itl, List.of());
  }

  /**
   * One second of one endpoint.
   *
   * @param seconds its length: 1, or less for the last
   * @param ttft null when nothing was streamed in it; {@code itl} alike
   */
  public record Batch(double seconds, long requests, long failures, Histogram latency, Histogram ttft, Histogram itl) {
    Histogram histogram(Measure.Kind kind) {
      return switch (kind) {
        case TTFT -> ttft;
        case ITL -> itl;
        default -> latency;
      };
    }
  }

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
