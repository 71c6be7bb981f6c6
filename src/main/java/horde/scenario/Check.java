package horde.scenario;

import java.time.Duration;
import java.util.Set;

/** A condition on a response; when it does not hold the request counts as failed. */
public sealed interface Check {
  /** How the check is shown in failure reasons: {@code status in [200]}. */
  String describe();

  record Status(Set<Integer> allowed) implements Check {
    public Status {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public String describe() {
      return "status in " + allowed.stream().sorted().toList();
    }
  }

  /** A JSONPath into the response body and what must hold there. */
  record JsonField(String path, JsonExpectation expect) implements Check {
    @Override
    public String describe() {
      return path + " " + expect.describe();
    }
  }

  record BodyContains(String text) implements Check {
    @Override
    public String describe() {
      return "body contains \"" + text + "\"";
    }
  }

  /** A header that must be present, or equal {@code value} when that is not null. */
  record Header(String name, String value) implements Check {
    @Override
    public String describe() {
      return "header " + name + (value == null ? " present" : " = " + value);
    }
  }

  record MaxLatency(Duration max) implements Check {
    @Override
    public String describe() {
      return "latency <= " + Durations.format(max);
    }
  }
}
