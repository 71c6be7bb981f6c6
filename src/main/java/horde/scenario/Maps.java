package horde.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep their insertion order (YAML order matters to people). */
final class Maps {
  private Maps() {}

  static <K, V> Map<K, V> ordered(Map<K, V> source) {
    if (source == null || source.isEmpty()) return Map.of();
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }
}
