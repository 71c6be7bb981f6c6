package horde.stats;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.FailureKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An endpoint's maps keep an order of their own, not one that changes from one JVM to the next (as
 * {@code Map.copyOf}'s does), so that a result file written twice from the same figures reads the
 * same: counters as given, reason kinds by name.
 */
class EndpointStatsTest {
  @Test
  void countersKeepTheirOrderAndReasonKindsAreByName() {
    Map<String, Long> counters = new LinkedHashMap<>();
    List<String> names = List.of("zeta", "alpha", "mid", "beta", "omega", "kappa");
    for (int i = 0; i < names.size(); i++) counters.put(names.get(i), (long) i + 1);
    Map<String, FailureKind> kinds = new LinkedHashMap<>();
    for (String n : names) kinds.put(n, FailureKind.CHECK);
    EndpointStats e = new EndpointStats("/x", "GET", Map.of(), counters, Map.of(), Map.of(), kinds, Map.of());
    assertThat(e.counters().keySet()).containsExactlyElementsOf(names);
    assertThat(e.reasonKinds().keySet()).containsExactly("alpha", "beta", "kappa", "mid", "omega", "zeta");
  }
}
