package horde.cli;

import horde.plan.CheckPlan;
import horde.plan.RequestPlan;
import horde.plan.StepPlan;
import horde.plan.TestPlan;
import horde.scenario.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code horde validate --plan} prints: endpoints, then each user class with its tasks and
 * every step, nested flows indented under their group, poll, loop or if.
 */
final class PlanText {
  private final TestPlan plan;
  private final PrintWriter out;

  private PlanText(TestPlan plan, PrintWriter out) {
    this.plan = plan;
    this.out = out;
  }

  static void print(TestPlan plan, PrintWriter out) {
    new PlanText(plan, out).print();
  }

  private void print() {
    out.println("target " + plan.target());
    plan.endpoints().forEach(e -> out.printf("  endpoint #%d %s%n", e.id(), e.label()));
    section("  setup", plan.setup(), 2);
    plan.users().forEach(u -> {
      out.printf("  user %s weight %d wait %s%n", u.name(), u.weight(), u.waitTime().describe());
      section("    on_start", u.onStart(), 3);
      u.tasks().forEach(t -> {
        out.printf("    task %s weight %d%n", t.name(), t.weight());
        steps(t.steps(), 3);
      });
      section("    on_stop", u.onStop(), 3);
    });
    section("  teardown", plan.teardown(), 2);
    if (!plan.variableNames().isEmpty()) out.println("  variables " + plan.variableNames());
  }

  private void section(String title, List<StepPlan> steps, int depth) {
    if (steps.isEmpty()) return;
    out.println(title);
    steps(steps, depth);
  }

  private void steps(List<StepPlan> steps, int depth) {
    for (StepPlan s : steps) step(s, depth);
  }

  private void step(StepPlan step, int depth) {
    String indent = "  ".repeat(depth);
    switch (step) {
      case RequestPlan r -> out.println(indent + label(r));
      case StepPlan.Think t -> out.println(indent + "think " + t.waitTime().describe());
      case StepPlan.Group g -> {
        out.println(indent + "group " + plan.endpoints().get(g.metric()).name());
        steps(g.steps(), depth + 1);
      }
      case StepPlan.Poll p -> out.println(indent + "poll " + label(p.request()) + " every " + duration(p.intervalNanos())
          + ", at most " + duration(p.timeoutNanos()) + ", until " + until(p.until()));
      case StepPlan.Loop l -> {
        out.println(indent + "loop " + (l.feeder() >= 0 ? "over " + plan.feeders().get(l.feeder()).data().name()
            : Words.count(l.times(), "time", "times")));
        steps(l.steps(), depth + 1);
      }
      case StepPlan.Branch b -> {
        out.println(indent + "if " + b.condition().describe());
        steps(b.then(), depth + 1);
        if (b.otherwise().isEmpty()) return;
        out.println(indent + "else");
        steps(b.otherwise(), depth + 1);
      }
    }
  }

  private String label(RequestPlan r) {
    return plan.endpoints().get(r.endpoint()).label();
  }

  private static String duration(long nanos) {
    return Durations.format(Duration.ofNanos(nanos));
  }

  private static String until(List<CheckPlan> checks) {
    return checks.isEmpty() ? "it succeeds"
        : checks.stream().map(c -> c.check().describe()).collect(Collectors.joining(" and "));
  }
}
