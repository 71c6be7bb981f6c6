package horde.dsl;

import horde.scenario.SourcePosition;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model with every {@link SourcePosition} replaced by {@link SourcePosition#UNKNOWN}, so that a
 * scenario loaded from YAML (which knows where each part was written) equals one built in Java
 * (which does not). Records are rebuilt through their canonical constructors, so a record added to
 * the model later is covered without changing this.
 */
final class Positions {
  private Positions() {}

  @SuppressWarnings("unchecked")
  static <T> T erase(T model) {
    return (T) copy(model);
  }

  private static Object copy(Object value) {
    return switch (value) {
      case null -> null;
      case SourcePosition p -> SourcePosition.UNKNOWN;
      case Record r -> record(r);
      case List<?> l -> {
        List<Object> out = new ArrayList<>();
        for (Object o : l) out.add(copy(o));
        yield Collections.unmodifiableList(out);
      }
      case Set<?> s -> {
        Set<Object> out = new LinkedHashSet<>();
        for (Object o : s) out.add(copy(o));
        yield Collections.unmodifiableSet(out);
      }
      case Map<?, ?> m -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(copy(k), copy(v)));
        yield Collections.unmodifiableMap(out);
      }
      default -> value;
    };
  }

  private static Object record(Record r) {
    RecordComponent[] parts = r.getClass().getRecordComponents();
    Object[] values = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        parts[i].getAccessor().setAccessible(true);
        values[i] = copy(parts[i].getAccessor().invoke(r));
        types[i] = parts[i].getType();
      }
      Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + r.getClass(), e);
    }
  }
}
