package horde.engine;

import horde.feed.Feeder;
import horde.scenario.FeederSpec;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The feeder rows one user holds: a unique feeder's row for its whole life, a new row of the
 * others for each iteration, and the current row of a loop over a feeder.
 */
final class Rows {
  private final List<Feeder> feeders;
  private final int[] unique;
  private final String[][] held;

  Rows(List<Feeder> feeders, int[] unique) {
    this.feeders = feeders;
    this.unique = unique;
    this.held = new String[feeders.size()][];
  }

  /** Takes the user's rows of the unique feeders; false when one ran out. */
  boolean claimUnique(RandomGenerator random) {
    for (int f : unique) {
      held[f] = feeders.get(f).next(random);
      if (held[f] == null) return false;
    }
    return true;
  }

  /** A new row of every feeder that is not unique: a new iteration. */
  void draw(RandomGenerator random) {
    for (int f = 0; f < held.length; f++) {
      if (feeders.get(f).order() != FeederSpec.Order.UNIQUE) held[f] = feeders.get(f).next(random);
    }
  }

  void hold(int feeder, String[] row) {
    held[feeder] = row;
  }

  /** A column of the row held of a feeder, or null when none is held. */
  String value(int feeder, int column) {
    String[] row = held[feeder];
    return row == null ? null : row[column];
  }
}
