package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates a valid scenario at random (deleting, duplicating, swapping and inserting characters and
 * lines) and checks that the loader either loads it or throws {@link InvalidScenarioException} with
 * well-formed positions: never a NullPointerException, ClassCastException or the like.
 */
class LoaderFuzzTest {
  private static final long SEED = 20240611L;
  private static final int RUNS = 5_000;
  private static final String SIGNIFICANT = ":-[]{},#&*!|>'\"%@`$ \n\t?\\0123456789.";

  @Test
  void mutatedScenariosLoadOrFailWithProblemsNeverWithACrash() throws IOException {
    fuzz(Loading.folder(ScenarioLoaderTest.class).resolve("full.yaml"));
  }

  /** The same for a file with every key, flows, the open model, phases and grades among them. */
  @Test
  void mutatedScenariosWithEveryKey() throws IOException {
    fuzz(Path.of("src/test/resources/horde/dsl/SameModelTest/everything.yaml"));
  }

  /** The same for anchors, aliases and merges: a mutation must not make a node contain itself unseen. */
  @Test
  void mutatedScenariosWithAnchorsAndMerges() throws IOException {
    fuzz(Loading.folder(LoaderFuzzTest.class).resolve("anchors.yaml"));
  }

  private static void fuzz(Path file) throws IOException {
    Path folder = file.getParent();
    String valid = Files.readString(file);
    Random random = new Random(SEED);
    int invalid = 0;
    for (int run = 0; run < RUNS; run++) {
      String text = valid;
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) text = mutate(text, random);
      try {
        ScenarioLoader.parse(text, "fuzz.yaml", folder);
      } catch (InvalidScenarioException e) {
        invalid++;
        checkPositions(e.problems(), text, run);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("run " + run + " (seed " + SEED + ") crashed on:\n" + text, e);
      }
    }
    assertThat(invalid).as("mutations that broke the file").isBetween(RUNS / 3, RUNS - 1);
  }

  private static void checkPositions(List<Problem> problems, String text, int run) {
    long lines = text.lines().count() + 1;
    if (problems.isEmpty())
      throw new AssertionError("run " + run + ": no problems listed for:\n" + text);
    for (Problem p : problems) {
      boolean ok =
          p.position().file().equals("fuzz.yaml")
              && p.position().line() >= 1
              && p.position().line() <= lines
              && p.position().column() >= 1
              && !p.message().isBlank();
      if (!ok)
        throw new AssertionError("run " + run + ": malformed problem " + p + " for:\n" + text);
    }
  }

  static String mutate(String text, Random random) {
    if (text.isEmpty()) return "" + SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()));
    int at = random.nextInt(text.length());
    char c = SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()));
    StringBuilder sb = new StringBuilder(text);
    switch (random.nextInt(8)) {
      case 0 -> sb.deleteCharAt(at);
      case 1 -> sb.insert(at, text.charAt(at));
      case 2 -> {
        if (at + 1 < sb.length()) {
          sb.setCharAt(at, text.charAt(at + 1));
          sb.setCharAt(at + 1, text.charAt(at));
        }
      }
      case 3 -> sb.insert(at, c);
      case 4 -> sb.setCharAt(at, c);
      default -> {
        return mutateLines(text, random);
      }
    }
    return sb.toString();
  }

  private static String mutateLines(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int i = random.nextInt(lines.size());
    int j = random.nextInt(lines.size());
    switch (random.nextInt(3)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(i, lines.get(j));
      default -> {
        String a = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, a);
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
