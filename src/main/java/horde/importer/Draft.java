package horde.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario before it is written: its requests in order and notes for the reader of the file
 * (what was left out and why, which environment variables to set).
 *
 * @param name the scenario's name
 * @param source what it was imported from, for the file's first comment
 * @param base the URL paths are written relative to (the target), or null to take the most
 *     frequent origin of the requests
 */
public record Draft(String name, String source, String base, List<Call> calls, List<String> notes) {
  public Draft {
    calls = List.copyOf(calls);
    notes = List.copyOf(notes);
  }

  Draft withCalls(List<Call> calls) {
    return new Draft(name, source, base, calls, notes);
  }

  Draft withNotes(List<String> more) {
    List<String> all = new ArrayList<>(notes);
    all.addAll(more);
    return new Draft(name, source, base, calls, all);
  }

  /** How many values are saved by one request for others. */
  public int saved() {
    return calls.stream().mapToInt(c -> c.saves().size()).sum();
  }
}
