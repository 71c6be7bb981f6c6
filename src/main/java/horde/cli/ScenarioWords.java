package horde.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The words after {@code horde run}'s options, read as Locust reads them: the scenario file first,
 * then user classes to run; with {@code -f FILE} every word is a user class.
 *
 * <pre>
 * horde run chat.yaml                  # every class
 * horde run chat.yaml chatter          # only chatter
 * horde run -f chat.yaml chatter rag   # Locust's way: chatter and rag
 * </pre>
 *
 * @param classes the user classes named, empty for all
 */
record ScenarioWords(Path file, List<String> classes) {
  /** Throws {@link IllegalArgumentException} when no scenario file is given, or a Python one. */
  static ScenarioWords of(Path locustfile, List<String> words) {
    if (locustfile != null) {
      // A second file (say -f from a locust.conf, and one on the command line) is no class name.
      if (!words.isEmpty() && (words.get(0).endsWith(".yaml") || words.get(0).endsWith(".yml")))
        throw new IllegalArgumentException("-f " + locustfile + " and " + words.get(0) + ": give one scenario file");
      return new ScenarioWords(checked(locustfile.toString(), "-f"), List.copyOf(words));
    }
    if (words.isEmpty())
      throw new IllegalArgumentException("give the scenario file: horde run SCENARIO.yaml (or -f SCENARIO.yaml, as Locust)");
    return new ScenarioWords(checked(words.get(0), "SCENARIO"), List.copyOf(words.subList(1, words.size())));
  }

  private static Path checked(String file, String what) {
    if (file.contains(",") && !file.endsWith(".yaml") && !file.endsWith(".yml"))
      throw new IllegalArgumentException(what + " " + file + ": Horde runs one scenario file at a time");
    if (file.endsWith(".py"))
      throw new IllegalArgumentException(what + " " + file + ": Horde runs YAML scenarios, not Python locustfiles;"
          + " write the users and tasks in YAML (docs/scenario-format.md; horde init writes a starter)");
    return Path.of(file);
  }
}
