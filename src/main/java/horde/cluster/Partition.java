package horde.cluster;

import horde.engine.Share;
import horde.feed.Feeder;
import horde.feed.FeederData;
import horde.plan.TestPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's part of the plan's data: each feeder with {@code order: unique} keeps only the rows
 * that are the worker's share, so no row is used twice across the cluster. Other feeders are
 * whole on every worker.
 */
final class Partition {
  private Partition() {}

  static TestPlan of(TestPlan p, Share share) {
    if (share.whole() || p.uniqueFeeders().length == 0) return p;
    List<Feeder> feeders = new ArrayList<>(p.feeders());
    for (int f : p.uniqueFeeders()) {
      FeederData all = feeders.get(f).data();
      List<String[]> mine = new ArrayList<>();
      for (int k = 0; k < all.rows().size(); k++) if (share.owns(k)) mine.add(all.rows().get(k));
      feeders.set(f, new Feeder(new FeederData(all.name(), all.columns(), mine), feeders.get(f).order()));
    }
    return new TestPlan(p.scenario(), p.target(), p.endpoints(), p.users(), p.variableNames(), p.initialVariables(),
        feeders, p.uniqueFeeders(), p.reasons(), p.setup(), p.teardown(), p.tokenizer(), p.tracked(), p.requests(), p.redaction());
  }
}
