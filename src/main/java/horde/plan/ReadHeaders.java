package horde.plan;

import horde.scenario.CacheHit;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.HttpSettings;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The response headers a plan reads: header checks (a poll's conditions too), saves from a
 * header, a cache-hit rule on a header, and Set-Cookie for the users' cookie jars. The client keeps these and no other header of an answer,
 * so reading an answer allocates nothing for the headers nobody looks at.
 */
final class ReadHeaders {
  private ReadHeaders() {}

  /** Lower-case names, sorted. */
  static List<String> of(TestPlan plan) {
    Set<String> names = new TreeSet<>();
    Stream.of(plan.users().stream().flatMap(u -> Stream.concat(Stream.of(u.onStart(), u.onStop()),
            u.tasks().stream().map(TaskPlan::steps))), Stream.of(plan.setup(), plan.teardown()))
        .flatMap(s -> s)
        .forEach(steps -> collect(steps, names));
    if (plan.scenario().http().cookies() != HttpSettings.Cookies.OFF) names.add("set-cookie");
    return List.copyOf(names);
  }

  private static void collect(List<StepPlan> steps, Set<String> names) {
    for (StepPlan s : steps) {
      switch (s) {
        case RequestPlan r -> request(r, names);
        case StepPlan.Poll p -> {
          request(p.request(), names);
          p.until().forEach(c -> check(c, names));
        }
        case StepPlan.Group g -> collect(g.steps(), names);
        case StepPlan.Loop l -> collect(l.steps(), names);
        case StepPlan.Branch b -> {
          collect(b.then(), names);
          collect(b.otherwise(), names);
        }
        case StepPlan.Think t -> {}
        case WsPlan w -> {} // a WebSocket's handshake answer is read by its own client
      }
    }
  }

  private static void request(RequestPlan r, Set<String> names) {
    r.checks().forEach(c -> check(c, names));
    for (ExtractPlan e : r.saves()) {
      if (e.extract().source() == Extract.Source.HEADER) names.add(lower(e.extract().expression()));
    }
    if (r.llm() != null && r.llm().cacheHit() != null && r.llm().cacheHit().source() == CacheHit.Source.HEADER) {
      names.add(lower(r.llm().cacheHit().expression()));
    }
  }

  private static void check(CheckPlan c, Set<String> names) {
    if (c.check() instanceof Check.Header h) names.add(lower(h.name()));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
