package horde.criteria;

import horde.scenario.Grade;
import horde.stats.RunStats;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run's grade: the first row of the table whose condition holds, or the row without one. */
public final class Grades {
  private Grades() {}

  /** The grade's name, or null when the table is empty or no row applies. */
  public static String of(List<Grade> table, RunStats stats, Map<String, Set<String>> taskEndpoints) {
    for (Grade g : table) {
      if (g.condition() == null) return g.name();
      if (Criteria.evaluate(List.of(g.condition()), stats, taskEndpoints).get(0).passed()) return g.name();
    }
    return null;
  }
}
