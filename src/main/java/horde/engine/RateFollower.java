package horde.engine;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Open model, steered: arrivals at a rate that is only known tick by tick (a target reached along
 * a ramp, or a rate held while paused). Arrival k comes where the expected count ∫rate reaches its
 * k-th mark, as in {@link ArrivalSchedule}: marks one apart (constant spacing) or the points of a
 * unit-rate Poisson process.
 */
final class RateFollower {
  private final SplittableRandom poisson;
  private double count;
  private double mark;

  /** @param poisson random arrivals from this source, or constant spacing when null */
  RateFollower(SplittableRandom poisson) {
    this.poisson = poisson;
    this.mark = poisson == null ? 0 : gap();
  }

  /**
   * Hands out the arrivals of {@code [from, from + nanos)} at {@code perSecond}, each as its
   * intended offset (nanoseconds, on the same clock as {@code from}).
   */
  void advance(long from, long nanos, double perSecond, LongConsumer arrival) {
    if (!(perSecond > 0) || nanos <= 0) return;
    double added = perSecond * nanos / 1e9;
    while (mark < count + added) {
      arrival.accept(from + Math.round((mark - count) / added * nanos));
      mark += poisson == null ? 1 : gap();
    }
    count += added;
  }

  private double gap() {
    return -Math.log(1 - poisson.nextDouble());
  }
}
