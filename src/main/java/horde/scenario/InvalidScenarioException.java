package horde.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot run, with every problem found (not only the first). */
public final class InvalidScenarioException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public InvalidScenarioException(SourcePosition where, String message) {
    this(List.of(new Problem(where, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
