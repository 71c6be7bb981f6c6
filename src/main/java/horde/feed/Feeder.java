package horde.feed;

import horde.scenario.FeederSpec;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Hands out rows of a feeder to virtual users, from any thread. Sequential rows go round in
 * order; random rows are drawn with the user's own generator; unique rows are each given once.
 */
public final class Feeder {
  private final FeederData data;
  private final FeederSpec.Order order;
  private final AtomicLong next = new AtomicLong();

  public Feeder(FeederData data, FeederSpec.Order order) {
    this.data = data;
    this.order = order;
  }

  public FeederData data() {
    return data;
  }

  public FeederSpec.Order order() {
    return order;
  }

  /** The next row, or null when a unique feeder has given all its rows away. */
  public String[] next(RandomGenerator random) {
    int n = data.rows().size();
    return switch (order) {
      case SEQUENTIAL -> data.rows().get((int) (next.getAndIncrement() % n));
      case RANDOM -> data.rows().get(random.nextInt(n));
      case UNIQUE -> {
        long i = next.getAndIncrement();
        yield i < n ? data.rows().get((int) i) : null;
      }
    };
  }
}
