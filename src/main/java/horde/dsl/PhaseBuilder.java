package horde.dsl;

import horde.scenario.Grade;
import horde.scenario.Phase;
import horde.scenario.Threshold;
import java.util.ArrayList;
import java.util.List;

/**
 * One named run in a sequence, with its own load, thresholds and grade table. Start one with {@link
 * Dsl#phase}.
 *
 * <pre>{@code
 * phase("10 users").load(users(10).runTime("1m"))
 *     .threshold("error_rate < 1%")
 *     .grades("EXCELLENT: avg < 3s", "GOOD: avg < 5s", "POOR")
 * }</pre>
 */
public final class PhaseBuilder {
  private final String name;
  private LoadBuilder load;
  private final List<Threshold> thresholds = new ArrayList<>();
  private final List<Grade> grades = new ArrayList<>();

  PhaseBuilder(String name) {
    this.name = name;
  }

  public PhaseBuilder load(LoadBuilder l) {
    load = l;
    return this;
  }

  /** Thresholds like {@code "p95 < 2s"}, on this phase only. */
  public PhaseBuilder threshold(String... expressions) {
    for (String e : expressions) thresholds.add(new ThresholdBuilder(e).build());
    return this;
  }

  public PhaseBuilder threshold(ThresholdBuilder t) {
    thresholds.add(t.build());
    return this;
  }

  /** Grade rows like {@code "GOOD: avg < 5s"}, tried in order; the last may be a grade alone. */
  public PhaseBuilder grades(String... rows) {
    for (String r : rows) grades.add(Grade.parse(r));
    return this;
  }

  public PhaseBuilder grades(Grade... rows) {
    grades.addAll(List.of(rows));
    return this;
  }

  /** The phase, named {@code phase<position>} when it has no name. */
  Phase build(int position) {
    if (load == null)
      throw new IllegalArgumentException(
          "phase " + (name == null ? position : name) + " needs a load");
    return new Phase(
        name != null ? name : "phase" + position, load.build(), thresholds, grades, null);
  }
}
