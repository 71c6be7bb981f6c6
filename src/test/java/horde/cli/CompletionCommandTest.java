package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code horde completion}: the script really completes, run by bash as a shell would. */
class CompletionCommandTest {
  @TempDir Path tmp;

  /** What bash offers for {@code line} (the cursor at its end), with the script loaded. */
  private String complete(Path script, String... words) throws IOException, InterruptedException {
    String array = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
    String line = String.join(" ", words);
    String cmd = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
        + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length() + "; _complete_horde horde '" + words[words.length - 1]
        + "' '" + words[words.length - 2] + "' 2>/dev/null; echo \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
    try {
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("bash finished").isTrue();
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void bashCompletesSubcommandsOptionsAndShells() throws Exception {
    Cli cli = Cli.run("completion", "bash");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    Path script = tmp.resolve("horde.bash");
    Files.writeString(script, cli.out());
    assertThat(complete(script, "horde", "ru")).isEqualTo("run runs");
    assertThat(complete(script, "horde", "run", "--us")).isEqualTo("--users --user-classes");
    assertThat(complete(script, "horde", "completion", "z")).isEqualTo("zsh");
  }

  @Test
  void zshGetsTheScriptThatTurnsOnItsBashCompatibility() {
    Cli cli = Cli.run("completion", "zsh");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("ZSH_VERSION", "bashcompinit", "complete -F _complete_horde");
    Cli bad = Cli.run("completion", "fish");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(bad.err()).contains("bash", "zsh");
  }
}
