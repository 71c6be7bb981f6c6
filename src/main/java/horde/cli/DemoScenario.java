package horde.cli;

import horde.scenario.LoadProfile;
import horde.scenario.Scenario;
import horde.scenario.Stage;
import horde.scenario.yaml.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario {@code horde demo} runs, and where it came from.
 *
 * <p>In a checkout, the launcher passes its folder as {@code -Dhorde.home}, and the demo runs
 * {@code examples/demo.yaml} from there: the file the README points at, so an edit shows at once,
 * without a rebuild. Anywhere else (an installed jar, tests in-process) it runs the copy bundled
 * in the jar; a test keeps that copy identical to {@code examples/demo.yaml}.
 *
 * @param source what to call it in the output: a path, or {@link #BUNDLED}
 */
record DemoScenario(Scenario scenario, String source) {
  static final String RESOURCE = "/horde/demo/demo.yaml";
  static final String BUNDLED = "demo.yaml (bundled)";

  /**
   * Loads the demo from {@code home}/examples/demo.yaml when that file exists, else the bundled
   * copy; {@code home} may be null.
   *
   * @throws horde.scenario.InvalidScenarioException when the file has problems
   */
  static DemoScenario load(String home) {
    Path file = home == null || home.isBlank() ? null : Path.of(home, "examples", "demo.yaml");
    if (file != null && Files.isRegularFile(file)) return new DemoScenario(ScenarioLoader.load(file), shown(file));
    return new DemoScenario(ScenarioLoader.parse(bundled(), BUNDLED, Path.of(".")), BUNDLED);
  }

  static String bundled() {
    try (InputStream in = DemoScenario.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same scenario with its ramp stretched to {@code peakUsers} and {@code runTime} (either may
   * be null): every stage keeps its share of both, so a shorter or smaller demo still crosses the
   * knee partway. A scenario edited to another load model takes the flags as {@code horde run} does.
   *
   * @throws IllegalArgumentException for a value the user must fix, with a message for them
   */
  DemoScenario reshaped(Integer peakUsers, Duration runTime) {
    if (peakUsers != null && peakUsers < 1) throw new IllegalArgumentException("--users must be at least 1");
    if (runTime != null && (runTime.isZero() || runTime.isNegative()))
      throw new IllegalArgumentException("--run-time must be above 0");
    if (peakUsers == null && runTime == null) return this;
    LoadProfile load = scenario.load();
    LoadProfile changed = load instanceof LoadProfile.Staged s
        ? stretched(s, peakUsers, runTime)
        : new LoadOverrides(peakUsers, null, runTime == null ? null : runTime.toMillis() + "ms", null, null, null).apply(load);
    return new DemoScenario(scenario.withLoad(changed), source);
  }

  private static LoadProfile.Staged stretched(LoadProfile.Staged s, Integer peakUsers, Duration runTime) {
    int peak = s.stages().stream().mapToInt(Stage::users).max().orElse(1);
    double users = peakUsers == null ? 1 : peakUsers / (double) peak;
    double time = runTime == null ? 1 : runTime.toNanos() / (double) s.total().toNanos();
    List<Stage> stages = new ArrayList<>();
    long before = 0; // stage ends are rounded to whole milliseconds, so the stages still add up to runTime
    long endNanos = 0;
    for (Stage st : s.stages()) {
      endNanos += st.duration().toNanos();
      long end = Math.round(endNanos * time / 1e6);
      int n = st.users() == 0 ? 0 : Math.max(1, (int) Math.round(st.users() * users));
      stages.add(new Stage(Duration.ofMillis(end - before), n));
      before = end;
    }
    return new LoadProfile.Staged(stages, Duration.ofMillis(Math.round(s.warmup().toNanos() * time / 1e6)));
  }

  /** Relative to the working folder when it is inside it, as people typed it. */
  private static String shown(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
  }
}
