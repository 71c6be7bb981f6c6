package horde.scenario;

import java.util.List;
import java.util.function.Consumer;

/** Walks steps with the ones nested in groups, loops, branches and polls, depth first. */
public final class Steps {
  private Steps() {}

  public static void visit(List<Step> steps, Consumer<Step> each) {
    for (Step s : steps) {
      each.accept(s);
      switch (s) {
        case Poll p -> each.accept(p.request());
        case Group g -> visit(g.steps(), each);
        case Loop l -> visit(l.steps(), each);
        case Branch b -> {
          visit(b.then(), each);
          visit(b.otherwise(), each);
        }
        case Request r -> {}
        case Step.Think t -> {}
        case WsStep w -> {}
      }
    }
  }
}
