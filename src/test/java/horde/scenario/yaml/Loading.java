package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import horde.scenario.Scenario;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Loads scenario text in tests, with feeder paths relative to a test's resource folder. */
final class Loading {
  static final String FILE = "test.yaml";

  private Loading() {}

  /** The resource folder named after a test class, in the test classpath. */
  static Path folder(Class<?> test) {
    try {
      return Path.of(
          Loading.class.getResource("/horde/scenario/yaml/" + test.getSimpleName()).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Scenario load(String yaml) {
    return ScenarioLoader.parse(yaml, FILE, folder(ScenarioLoaderTest.class));
  }

  /** Every problem as {@code line:column message}, in file order. */
  static List<String> problems(String yaml) {
    InvalidScenarioException e =
        catchThrowableOfType(
            InvalidScenarioException.class,
            () -> ScenarioLoader.parse(yaml, FILE, folder(ScenarioLoaderTest.class)));
    if (e == null) throw new AssertionError("expected problems, but the scenario loaded:\n" + yaml);
    return e.problems().stream().map(Loading::show).toList();
  }

  static String show(Problem p) {
    if (!p.position().file().equals(FILE)) throw new AssertionError("wrong file in " + p);
    return p.position().line() + ":" + p.position().column() + " " + p.message();
  }

  /** A minimal valid scenario around one user class body, for tests of one key. */
  static String withTasks(String tasksYaml) {
    return "users:\n  - tasks:\n" + tasksYaml.indent(6);
  }
}
