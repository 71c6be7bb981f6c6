package horde.criteria;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cluster run that lost a worker: the target got less load than planned from then on. Read from
 * the result's {@code settings.cluster}, so a report rebuilt from the file says it too.
 */
final class ClusterFindings {
  private ClusterFindings() {}

  static void addTo(List<Finding> out, Map<String, ?> settings) {
    if (!(settings.get("cluster") instanceof Map<?, ?> cluster)) return;
    if (!(cluster.get("workers") instanceof List<?> workers)) return;
    for (Object o : workers) {
      if (!(o instanceof Map<?, ?> w) || !(w.get("lost_at_s") instanceof Number at)) continue;
      double missed = w.get("missed_s") instanceof Number n ? n.doubleValue() : 0;
      out.add(Finding.warning("worker_lost", String.format(Locale.ROOT, "Worker %s was lost at %s (%s): its share (%s)"
          + " of the load was not sent for the last %s, so the target got less load than planned from then on. Its"
          + " figures up to then are counted.", w.get("name"), Figures.at(at.doubleValue()), w.get("lost_reason"),
          w.get("share"), Figures.at(missed))).at(at.doubleValue()));
    }
  }
}
