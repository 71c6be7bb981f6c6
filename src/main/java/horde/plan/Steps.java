package horde.plan;

import java.util.List;
import java.util.stream.Stream;

/** Walks compiled steps, nested ones included. */
public final class Steps {
  private Steps() {}

  /** Every request in these steps, inside groups, polls, loops and branches too. */
  public static Stream<RequestPlan> requests(List<StepPlan> steps) {
    return steps.stream().flatMap(s -> switch (s) {
      case RequestPlan r -> Stream.of(r);
      case StepPlan.Poll p -> Stream.of(p.request());
      case StepPlan.Group g -> requests(g.steps());
      case StepPlan.Loop l -> requests(l.steps());
      case StepPlan.Branch b -> Stream.concat(requests(b.then()), requests(b.otherwise()));
      case StepPlan.Think t -> Stream.empty();
      case WsPlan w -> Stream.empty();
    });
  }

  /** Every WebSocket step in these steps, nested ones included. */
  public static Stream<WsPlan> sockets(List<StepPlan> steps) {
    return steps.stream().flatMap(s -> switch (s) {
      case WsPlan w -> Stream.of(w);
      case StepPlan.Group g -> sockets(g.steps());
      case StepPlan.Loop l -> sockets(l.steps());
      case StepPlan.Branch b -> Stream.concat(sockets(b.then()), sockets(b.otherwise()));
      case RequestPlan r -> Stream.empty();
      case StepPlan.Poll p -> Stream.empty();
      case StepPlan.Think t -> Stream.empty();
    });
  }
}
