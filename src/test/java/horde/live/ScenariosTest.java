package horde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name from a browser reads only a file the list holds: never outside, hidden, too deep or not a scenario. */
class ScenariosTest {
  private static final String SCENARIO = "name: s\ntarget: http://127.0.0.1:1\nusers:\n  - tasks: [{get: /}]\n";

  @TempDir Path dir;

  @Test
  void readsListedScenariosOnly() throws Exception {
    Path root = Files.createDirectories(dir.resolve("work"));
    Files.writeString(root.resolve("chat.yaml"), SCENARIO);
    Files.createDirectories(root.resolve("a/b/c/d"));
    Files.writeString(root.resolve("a/b/c/deep.yaml"), SCENARIO);
    Files.writeString(root.resolve("a/b/c/d/deeper.yaml"), SCENARIO);
    Files.createDirectories(root.resolve(".secret"));
    Files.writeString(root.resolve(".secret/hidden.yaml"), SCENARIO);
    Files.createDirectories(root.resolve("target"));
    Files.writeString(root.resolve("target/built.yaml"), SCENARIO);
    Files.writeString(root.resolve("notes.yaml"), "title: not a scenario\n");
    Files.writeString(dir.resolve("outside.yaml"), SCENARIO);
    Scenarios scenarios = new Scenarios(root);

    assertThat(scenarios.list()).containsExactly("a/b/c/deep.yaml", "chat.yaml");
    assertThat(scenarios.source("chat.yaml").text()).isEqualTo(SCENARIO);
    assertThat(scenarios.source("a/b/c/deep.yaml").text()).isEqualTo(SCENARIO);
    assertThat(scenarios.source("./a/../chat.yaml").text()).isEqualTo(SCENARIO);
    for (String name : new String[] {"../outside.yaml", dir.resolve("outside.yaml").toString(), "a/b/c/d/deeper.yaml",
        ".secret/hidden.yaml", "target/built.yaml", "notes.yaml", "missing.yaml", "a/../..", "", "nul\0.yaml"})
      assertThatThrownBy(() -> scenarios.source(name)).as(name).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPinnedFileIsReadWhereverItIs() throws Exception {
    Path root = Files.createDirectories(dir.resolve("work"));
    Path outside = Files.writeString(dir.resolve("outside.yaml"), SCENARIO);
    Scenarios scenarios = new Scenarios(root);
    String name = scenarios.pin(outside);
    assertThat(scenarios.list()).containsExactly(name);
    assertThat(scenarios.source(name).text()).isEqualTo(SCENARIO);
  }
}
