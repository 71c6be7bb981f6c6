package horde.plan;

import horde.feed.Feeder;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Step;
import horde.scenario.Steps;
import horde.scenario.UserClass;
import horde.scenario.WsStep;
import horde.template.Binder;
import horde.template.Scope;
import horde.template.Template;
import horde.template.UnsetValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The names a scenario's templates can use: its variables (declared, or saved from responses),
 * its feeders' columns and the environment. Variable slots are numbered here.
 */
final class Symbols implements horde.template.Symbols {
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private final Map<String, FeederColumns> feeders = new LinkedHashMap<>();
  private final Map<String, String> environment;
  private final AtomicLong counter = new AtomicLong();
  private final String[] initial;

  private Symbols(Scenario s, List<Feeder> loaded, Map<String, String> environment) {
    this.environment = environment;
    s.variables().keySet().forEach(this::slot);
    Consumer<Step> saves = step -> {
      if (step instanceof Request r) r.saves().forEach(e -> slot(e.variable()));
      if (step instanceof WsStep.Await a) a.saves().forEach(e -> slot(e.variable()));
    };
    Steps.visit(s.setup(), saves);
    Steps.visit(s.teardown(), saves);
    for (UserClass u : s.users()) {
      Steps.visit(u.onStart(), saves);
      Steps.visit(u.onStop(), saves);
      u.tasks().forEach(t -> Steps.visit(t.steps(), saves));
    }
    int i = 0;
    for (Feeder f : loaded) feeders.put(f.data().name(), new FeederColumns(i++, f.data().columns()));
    initial = new String[slots.size()];
  }

  static Symbols of(Scenario s, List<Feeder> loaded, Map<String, String> environment) {
    Symbols symbols = new Symbols(s, loaded, environment);
    s.variables().forEach((name, value) -> symbols.initial[symbols.slots.get(name)] = symbols.constant(value));
    return symbols;
  }

  /** Declared variables are rendered once, so they may use the environment and built-ins. */
  private String constant(String value) {
    try {
      return Template.parse(value).bind(environmentOnly()).render(new FixedScope());
    } catch (RuntimeException | UnsetValueException e) {
      return value;
    }
  }

  private horde.template.Symbols environmentOnly() {
    Symbols self = this;
    return new horde.template.Symbols() {
      public OptionalInt variable(String name) {
        return OptionalInt.empty();
      }

      public Optional<FeederColumns> feeder(String name) {
        return Optional.empty();
      }

      public Optional<String> environment(String name) {
        return self.environment(name);
      }

      public AtomicLong counter() {
        return self.counter;
      }
    };
  }

  private void slot(String name) {
    slots.putIfAbsent(name, slots.size());
  }

  @Override
  public OptionalInt variable(String name) {
    Integer slot = slots.get(name);
    return slot == null ? OptionalInt.empty() : OptionalInt.of(slot);
  }

  @Override
  public Optional<FeederColumns> feeder(String name) {
    return Optional.ofNullable(feeders.get(name));
  }

  @Override
  public Optional<String> environment(String name) {
    return Optional.ofNullable(environment.get(name));
  }

  @Override
  public AtomicLong counter() {
    return counter;
  }

  List<String> feederNames() {
    return new ArrayList<>(feeders.keySet());
  }

  List<String> variableNames() {
    return new ArrayList<>(slots.keySet());
  }

  String[] initialValues() {
    return initial.clone();
  }

  /** Every name a template may use, for "did you mean" hints. */
  List<String> knownNames() {
    List<String> names = new ArrayList<>(slots.keySet());
    feeders.forEach((f, cols) -> cols.columns().forEach(c -> names.add(f + "." + c)));
    names.addAll(Binder.BUILT_INS);
    return names;
  }

  /** The scope declared variables render in: the test as a whole, not a user. */
  private static final class FixedScope implements Scope {
    private final SplittableRandom random = new SplittableRandom();

    public String variable(int slot) {
      return null;
    }

    public String feederValue(int feeder, int column) {
      return null;
    }

    public long userId() {
      return 0;
    }

    public long iteration() {
      return 0;
    }

    public RandomGenerator random() {
      return random;
    }
  }
}
