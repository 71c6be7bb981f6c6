package horde.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live UI's banner for Horde's own limits, in real Chromium: {@code horde ui} with 256 file
 * descriptors runs 1,000 users, which use them up, and the banner says so in the words of the
 * result's finding (what was wrong, in which seconds, what to change), saying it is happening now.
 */
class GeneratorBannerInBrowserTest {
  @TempDir Path dir;

  @Test
  void outOfDescriptorsTheBannerSaysSoAndWhatToChange() throws Exception {
    LiveUiInBrowserTest.assumeChromium();
    try (Simulator sim = Simulator.start(SimulatorOptions.builder().threads(2).build());
        LiveUi ui = LiveUi.start(dir, List.of("bash", "-c", "ulimit -n 256 && exec \"$@\"", "bash"), scenario(sim).toString());
        Playwright pw = LiveUiInBrowserTest.playwright(); Browser browser = LiveUiInBrowserTest.chromium(pw)) {
      Page page = browser.newPage();
      page.navigate(ui.base + "/");
      page.locator("#start-button:not([disabled])").waitFor();
      page.locator("#start-button").click();
      Locator banner = page.locator("#generator-warning");
      banner.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
      assertThat(banner.textContent()).startsWith("Horde itself is the bottleneck now. Horde itself was the bottleneck in")
          .contains("file descriptors open").contains("raise its open-files limit (ulimit -n)")
          .contains("describe the load generator, not the target");
    }
  }

  private Path scenario(Simulator sim) throws Exception {
    Path file = dir.resolve("descriptors.yaml");
    Files.writeString(file, """
        name: descriptors
        target: %s
        users:
          - wait: 100ms
            tasks:
              - get: /health
        load: {users: 1000, spawn_rate: 1000, run_time: 30s}
        """.formatted(sim.baseUrl()));
    return file;
  }
}
