package horde.criteria;

import horde.stats.ClusterTable;
import horde.stats.Settings;
import java.util.List;
import java.util.Locale;

/**
 * A cluster run that lost a worker: the target got less load than planned from then on. Read from
 * the result's {@code settings.cluster}, so a report rebuilt from the file says it too.
 */
final class ClusterFindings {
  private ClusterFindings() {}

  static void addTo(List<Finding> out, Settings settings) {
    ClusterTable cluster = settings.cluster();
    if (cluster == null) return;
    for (ClusterTable.Worker w : cluster.workers()) {
      if (!w.lost()) continue;
      out.add(Finding.warning("worker_lost", String.format(Locale.ROOT, "Worker %s was lost at %s (%s): its share (%s)"
          + " of the load was not sent for the last %s, so the target got less load than planned from then on. Its"
          + " figures up to then are counted.", w.name(), Figures.at(w.lostAtSeconds()), w.lostReason(), w.share(),
          Figures.at(w.missedSeconds()))).at(w.lostAtSeconds()));
    }
  }
}
