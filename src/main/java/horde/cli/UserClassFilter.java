package horde.cli;

import horde.scenario.Phase;
import horde.scenario.Scenario;
import horde.scenario.Threshold;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * The {@code --user-classes} flag: only the named classes, and only the thresholds that still name
 * something they (or setup and teardown) do — a threshold on another class's endpoint is left out,
 * with a note, rather than failing the run.
 */
final class UserClassFilter {
  private UserClassFilter() {}

  /** Throws {@link IllegalArgumentException} for a name that is no class of the scenario. */
  static Scenario apply(Scenario s, List<String> names, PrintWriter err) {
    Scenario kept;
    try {
      kept = s.withUserClasses(Set.copyOf(names));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--user-classes: " + e.getMessage(), e);
    }
    Set<String> named = kept.endpointNames();
    List<Phase> phases = kept.phases().stream()
        .map(p -> new Phase(p.name(), p.load(), keep(p.thresholds(), named, err), p.grades(), p.position()))
        .toList();
    return kept.toBuilder().thresholds(keep(kept.thresholds(), named, err)).phases(phases).build();
  }

  private static List<Threshold> keep(List<Threshold> thresholds, Set<String> named, PrintWriter err) {
    return thresholds.stream().filter(t -> {
      if (t.endpoint() == null || named.contains(t.endpoint())) return true;
      err.println("horde: --user-classes: leaving out the threshold '" + t.expression() + "' on " + t.endpoint()
          + ": none of the selected user classes has it");
      return false;
    }).toList();
  }
}
