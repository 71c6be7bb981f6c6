package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import horde.scenario.InvalidScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that would make the loader spin, fill the heap or overflow the stack: a node that contains
 * itself, and a file far larger than any scenario. Each is refused quickly, with a position.
 */
class SelfReferenceAndSizeTest {
  private static final Duration QUICK = Duration.ofSeconds(5);
  @TempDir Path tmp;

  private static List<String> quickly(String yaml) {
    return assertTimeoutPreemptively(QUICK, () -> problems(yaml));
  }

  @Test
  void aMappingMergedIntoItself() {
    assertThat(quickly("x-r: &r {<<: *r}\ntasks: [get: /]\n"))
        .containsExactly("1:14 '<<: *r' merges the mapping it is part of (&r, line 1) into itself; merge a mapping"
            + " defined before this one");
    assertThat(quickly("x-r: &r\n  a: 1\n  <<: [*r]\ntasks: [get: /]\n"))
        .containsExactly("3:8 '<<: *r' merges the mapping it is part of (&r, line 1) into itself; merge a mapping"
            + " defined before this one");
  }

  @Test
  void aListThatContainsItself() {
    assertThat(quickly("target: http://h\ntasks: &t\n  - group: g\n    steps: *t\n"))
        .containsExactly("4:12 *t names &t, line 2, which contains it: a scenario cannot contain itself");
  }

  @Test
  void anAnchorDefinedAgainNamesTheNewNode() {
    Loading.load("target: http://h\nx-a: &a {k: [1]}\nx-b: &a [2]\nx-c: {v: *a}\ntasks: [get: /]\n");
  }

  /** The YAML reader's window grows by copying: read in small buffers, a long value took 13 s. */
  @Test
  void aLongValueJustUnderTheLimitIsReadQuickly() {
    String yaml = "target: http://h\nx-a: \"" + "a".repeat(ScenarioLoader.MAX_SIZE - 100) + "\"\ntasks: [get: /]\n";
    assertTimeoutPreemptively(QUICK, () -> Loading.load(yaml));
  }

  @Test
  void aFileTooLargeIsRefusedBeforeItIsParsed() throws Exception {
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, "x-a: \"" + "a".repeat(20 * 1024 * 1024) + "\"\ntasks: [get: /]\n");
    long started = System.nanoTime();
    assertThatThrownBy(() -> ScenarioLoader.load(big))
        .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems().get(0).toString())
            .isEqualTo(big + ":1:1: the file is 20,971,544 bytes; a scenario may be at most 3,145,728 (keep data in"
                + " feeder files)"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    String text = "x-a: [" + "1,".repeat(2 * 1024 * 1024) + "1]\n";
    assertThat(assertTimeoutPreemptively(QUICK, () -> problems(text)))
        .containsExactly("1:1 the file is 4,194,313 characters; a scenario may be at most 3,145,728 (keep data in"
            + " feeder files)");
  }
}
