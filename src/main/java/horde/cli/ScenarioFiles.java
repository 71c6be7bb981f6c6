package horde.cli;

import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  static void printProblems(InvalidScenarioException e, PrintWriter err) {
    for (Problem p : e.problems()) err.println(p);
    err.println(e.problems().size() == 1 ? "1 problem" : e.problems().size() + " problems");
    err.flush();
  }
}
