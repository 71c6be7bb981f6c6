package horde.cli;

import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads a scenario file for a command, printing every problem the way editors link them. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /** The scenario, or null after printing why it cannot be used. */
  static Scenario load(Path file, PrintWriter err) {
    if (!Files.isRegularFile(file)) {
      err.println("horde: " + file + ": no such file");
      return null;
    }
    try {
      return ScenarioLoader.load(file);
    } catch (InvalidScenarioException e) {
      printProblems(e, err);
      return null;
    }
  }

  /** The file's text as it was run, for the history; null when it cannot be read again. */
  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The files a run reads, each with what it is: no output may overwrite one. */
  static Map<Path, String> inputs(Path file, Scenario scenario) {
    Map<Path, String> inputs = new LinkedHashMap<>();
    inputs.put(file, "the scenario file");
    scenario.feeders().values().forEach(f -> inputs.put(Path.of(f.file()), "feeder '" + f.name() + "'"));
    return inputs;
  }

  static void printProblems(InvalidScenarioException e, PrintWriter err) {
    for (Problem p : e.problems()) err.println(p);
    err.println(Words.count(e.problems().size(), "problem", "problems"));
    err.flush();
  }
}
