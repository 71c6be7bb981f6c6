package horde.monitor;

import horde.scenario.Monitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The series of a source that lists none, from its first page: each gauge (or untyped metric) as it
 * is, each counter as its rate per second named without {@code _total} and with {@code _per_s},
 * summed over their labels; histograms and summaries are left out. At most {@code limit}, in the
 * page's order.
 */
final class Discovery {
  private Discovery() {}

  static List<Monitor.Series> of(Exposition page, int limit) {
    List<Monitor.Series> out = new ArrayList<>();
    for (Map.Entry<String, String> family : page.families().entrySet()) {
      if (out.size() >= limit) break;
      String name = family.getKey();
      switch (family.getValue()) {
        case "gauge", "untyped", "unknown" -> out.add(new Monitor.Series(name, name));
        case "counter" -> {
          String sample = page.samples().stream().map(Exposition.Sample::name)
              .filter(n -> n.equals(name) || n.equals(name + "_total")).findFirst().orElse(name);
          String base = sample.endsWith("_total") ? sample.substring(0, sample.length() - 6) : sample;
          out.add(new Monitor.Series(base + "_per_s", "rate(" + sample + ")"));
        }
        default -> {} // histograms, summaries: one number does not say them
      }
    }
    return out;
  }
}
