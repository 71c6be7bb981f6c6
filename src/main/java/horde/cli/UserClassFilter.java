package horde.cli;

import horde.scenario.Branch;
import horde.scenario.Group;
import horde.scenario.Loop;
import horde.scenario.Phase;
import horde.scenario.Poll;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Step;
import horde.scenario.Threshold;
import horde.scenario.UserClass;
import java.io.PrintWriter;
import java.util.HashSet;
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
    Set<String> named = new HashSet<>();
    for (UserClass u : kept.users()) {
      names(u.onStart(), named);
      names(u.onStop(), named);
      u.tasks().forEach(t -> {
        named.add(t.name());
        names(t.steps(), named);
      });
    }
    names(kept.setup(), named);
    names(kept.teardown(), named);
    List<Phase> phases = kept.phases().stream()
        .map(p -> new Phase(p.name(), p.load(), keep(p.thresholds(), named, err), p.grades(), p.position()))
        .toList();
    return new Scenario(kept.name(), kept.target(), kept.preflight(), kept.http(), kept.defaults(), kept.variables(),
        kept.feeders(), kept.users(), kept.setup(), kept.teardown(), phases.isEmpty() ? kept.load() : null,
        keep(kept.thresholds(), named, err), kept.grades(), phases, kept.position());
  }

  private static List<Threshold> keep(List<Threshold> thresholds, Set<String> named, PrintWriter err) {
    return thresholds.stream().filter(t -> {
      if (t.endpoint() == null || named.contains(t.endpoint())) return true;
      err.println("horde: --user-classes: leaving out the threshold '" + t.expression() + "' on " + t.endpoint()
          + ": none of the selected user classes has it");
      return false;
    }).toList();
  }

  /** Endpoint names (a request's name or path, a group's name) in steps, flows included. */
  private static void names(List<Step> steps, Set<String> out) {
    for (Step s : steps) {
      switch (s) {
        case Request r -> out.add(r.endpointName());
        case Poll p -> out.add(p.request().endpointName());
        case Group g -> {
          out.add(g.name());
          names(g.steps(), out);
        }
        case Loop l -> names(l.steps(), out);
        case Branch b -> {
          names(b.then(), out);
          names(b.otherwise(), out);
        }
        case Step.Think t -> {}
      }
    }
  }
}
