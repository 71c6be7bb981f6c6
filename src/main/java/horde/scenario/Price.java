package horde.scenario;

/**
 * What requests to one model cost, in dollars: per million input and output tokens, and per
 * request (for APIs priced per call).
 */
public record Price(double inputPerMillion, double outputPerMillion, double perRequest) {
  public Price {
    if (!(inputPerMillion >= 0 && outputPerMillion >= 0 && perRequest >= 0)
        || Double.isInfinite(inputPerMillion + outputPerMillion + perRequest))
      throw new IllegalArgumentException("prices must be numbers >= 0");
  }

  public double of(long inputTokens, long outputTokens) {
    return perRequest + inputTokens * inputPerMillion / 1e6 + outputTokens * outputPerMillion / 1e6;
  }
}
