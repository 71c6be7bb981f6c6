package horde.scenario;

import java.util.Objects;

/**
 * What requests to one model cost, in dollars: per million input and output tokens, per million
 * cached input tokens (the input of an answer marked as a cache hit, billed as providers bill
 * cached prompt tokens), and per request (for APIs priced per call).
 *
 * @param cachedInputPerMillion NaN when the row gives none: cached input then costs as input
 */
public record Price(double inputPerMillion, double outputPerMillion, double perRequest, double cachedInputPerMillion) {
  public Price {
    if (!(inputPerMillion >= 0 && outputPerMillion >= 0 && perRequest >= 0)
        || Double.isInfinite(inputPerMillion + outputPerMillion + perRequest)
        || !(Double.isNaN(cachedInputPerMillion) || cachedInputPerMillion >= 0 && !Double.isInfinite(cachedInputPerMillion)))
      throw new IllegalArgumentException("prices must be numbers >= 0");
  }

  public Price(double inputPerMillion, double outputPerMillion, double perRequest) {
    this(inputPerMillion, outputPerMillion, perRequest, Double.NaN);
  }

  /** Dollars per million cached input tokens: the row's own, else the input price. */
  public double cachedInput() {
    return Double.isNaN(cachedInputPerMillion) ? inputPerMillion : cachedInputPerMillion;
  }

  /** What a request costs; {@code cachedInputTokens} of its input are billed at the cached price. */
  public double of(long inputTokens, long outputTokens, long cachedInputTokens) {
    long cached = Math.min(Math.max(0, cachedInputTokens), inputTokens);
    return perRequest + (inputTokens - cached) * inputPerMillion / 1e6 + cached * cachedInput() / 1e6
        + outputTokens * outputPerMillion / 1e6;
  }

  public double of(long inputTokens, long outputTokens) {
    return of(inputTokens, outputTokens, 0);
  }

  /** What billing cached input at its own price saved against the input price. */
  public double saved(long cachedInputTokens) {
    return Math.max(0, cachedInputTokens) * (inputPerMillion - cachedInput()) / 1e6;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Price p && p.inputPerMillion == inputPerMillion && p.outputPerMillion == outputPerMillion
        && p.perRequest == perRequest && Double.compare(p.cachedInputPerMillion, cachedInputPerMillion) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputPerMillion, outputPerMillion, perRequest, cachedInputPerMillion);
  }
}
