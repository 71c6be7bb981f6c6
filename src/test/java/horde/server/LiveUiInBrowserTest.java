package horde.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import horde.browser.Chromium;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in real headless Chromium (Debian's, driven by Playwright; no browser is downloaded)
 * against the built-in simulator, as a person uses it: start a test from the form, see the charts
 * and the table move (the target's own series from the simulator's /metrics too, live and after a
 * reload), raise the users and see the count follow, stop, download the HTML report, open the
 * run's report from the history. No console error, no page error, and no request leaves
 * 127.0.0.1. Skipped without Chromium, except on CI (where ./run-tests installs it).
 */
class LiveUiInBrowserTest {
  static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");
  /** Pixels in a colour (a series) in a chart's canvas, as opposed to the grey of grid and axes. */
  static final String PAINTED = """
      name => {
        const c = document.querySelector(`figure[data-chart="${name}"] canvas`);
        if (!c || !c.width) return 0;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
          if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
        return n;
      }""";
  @TempDir Path dir;

  static Playwright playwright() {
    return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static void assumeChromium() {
    assumeTrue(System.getenv("CI") != null || Chromium.find() != null, "Chromium is not installed (apt-get install chromium)");
  }

  /** The simulator, streaming fast enough for a test of a few seconds. */
  static Simulator simulator() {
    return Simulator.start(SimulatorOptions.builder().threads(2).timeToFirstToken(Duration.ofMillis(30)).tokensPerSecond(400)
        .build());
  }

  static Browser chromium(Playwright pw) {
    return pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Chromium.find()).setHeadless(true)
        .setArgs(ARGS));
  }

  @Test
  void startWatchSteerStopDownloadAndOpenFromTheHistory() throws Exception {
    assumeChromium();
    try (Simulator sim = simulator(); LiveUi ui = LiveUi.start(dir, LiveUi.scenario(dir, sim.baseUrl()).toString());
        Playwright pw = playwright(); Browser browser = chromium(pw)) {
      BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
          .setAcceptDownloads(true));
      List<String> problems = new CopyOnWriteArrayList<>(), elsewhere = new CopyOnWriteArrayList<>();
      String origin = ui.base.toString();
      context.onRequest(r -> {
        if (!r.url().startsWith(origin + "/") && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) elsewhere.add(r.url());
      });
      context.onPage(p -> {
        p.onConsoleMessage(m -> {
          if (m.type().equals("error")) problems.add(p.url() + ": " + m.text());
        });
        p.onPageError(e -> problems.add(p.url() + ": " + e));
      });
      Page page = context.newPage();
      page.navigate(origin + "/");

      // Start: the scenario is checked before the button can be pressed; then a closed load of 2 users.
      page.locator("#start-button:not([disabled])").waitFor();
      assertThat(page.locator("#check").textContent()).contains("ui-chat").contains("2 users");
      page.locator("input[name=mode][value=users]").check();
      page.locator("#users").fill("2");
      page.locator("#spawn_rate").fill("10");
      page.locator("#run_time").fill("2m");
      page.locator("#start-button:not([disabled])").waitFor();
      page.locator("#start-button").click();

      // Watch: the charts are painted and the table counts up, second after second.
      page.locator("#live").waitFor();
      page.waitForFunction("() => document.querySelectorAll('#endpoints tbody tr').length >= 3");
      long first = requests(page);
      page.waitForFunction("n => Number(document.querySelector('#endpoints tr.total td:nth-child(2)').textContent.replace(/\\D/g, '')) > n",
          (double) first, new Page.WaitForFunctionOptions().setTimeout(15_000));
      assertThat(requests(page)).isGreaterThan(first);
      page.waitForFunction("() => document.querySelectorAll('figure[data-chart=tokens] canvas').length == 1",
          null, new Page.WaitForFunctionOptions().setTimeout(15_000));
      for (String chart : List.of("throughput", "latency", "users", "tokens-time")) awaitPainted(page, chart);
      assertThat(page.locator("#endpoints tbody").textContent()).contains("/v1/chat/completions").contains("/api/rag/search");
      // The target's series beside them: the searches the simulator counted, as the UI's API carries them.
      awaitPainted(page, "target-searches_per_s");
      assertThat(page.locator("figure[data-chart='target-searches_per_s'] figcaption").textContent()).contains("Target: searches_per_s");
      assertThat(page.locator("figure[data-chart='target-horde_simulator_active_generations']").count()).isEqualTo(1);
      targetMatchesTheLoad(page);

      // Steer: 6 users, and the count follows.
      page.locator("#steer-value").fill("6");
      page.locator("#steer button[type=submit]").click();
      page.waitForFunction("() => document.querySelector('#users-now').textContent === '6'", null,
          new Page.WaitForFunctionOptions().setTimeout(15_000));
      page.waitForFunction("() => document.querySelectorAll('#endpoints tbody tr').length >= 3");
      Path shot = Path.of("target", "ui-screenshot.png");
      page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));

      // A reload gets every second back, not only those after it.
      int seconds = Integer.parseInt(page.locator("body").getAttribute("data-seconds"));
      page.reload();
      page.waitForFunction("n => Number(document.body.dataset.seconds) >= n", (double) seconds);
      awaitPainted(page, "throughput");
      awaitPainted(page, "target-searches_per_s");
      assertThat(page.evaluate("() => Number(document.body.dataset.seconds)")).asInstanceOf(
          org.assertj.core.api.InstanceOfAssertFactories.INTEGER).isGreaterThanOrEqualTo(seconds);

      // Stop: the verdict, then the HTML report downloaded.
      page.locator("#stop").click();
      page.locator("#after").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
      assertThat(page.locator("#verdict").textContent()).contains("stopped early");
      page.locator("#after-history a").first().waitFor();
      Download download = page.waitForDownload(() -> page.locator("#dl-html").click());
      String report = Files.readString(download.path());
      assertThat(report).startsWith("<!doctype html>").contains("ui-chat").contains("/v1/chat/completions");

      // History: the run is listed; its report opens from there.
      page.locator("#tab-history").click();
      page.locator("#runs tbody tr").first().waitFor();
      assertThat(page.locator("#runs tbody tr").first().textContent()).contains("ui-chat");
      Page opened = context.waitForPage(() -> page.locator("#runs tbody tr a.report").first().click());
      opened.waitForLoadState();
      opened.locator("body[data-charts-drawn]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
      assertThat(opened.title()).contains("ui-chat");

      assertThat(problems).as("console errors and page errors").isEmpty();
      assertThat(elsewhere).as("requests that left 127.0.0.1").isEmpty();
      context.close();
    }
  }

  /**
   * Waits until a chart is painted, asking from here: the page's policy forbids eval, so a
   * waitForFunction that must poll in the page cannot run {@link #PAINTED} (the rate of a target's
   * series has its first value after two scrapes, often after the first check).
   */
  static void awaitPainted(Page page, String chart) throws InterruptedException {
    long until = System.nanoTime() + 20_000_000_000L;
    int painted = 0;
    while (System.nanoTime() < until && (painted = ((Number) page.evaluate(PAINTED, chart)).intValue()) <= 20) Thread.sleep(200);
    assertThat(painted).as("pixels painted in the chart %s", chart).isGreaterThan(20);
  }

  /**
   * The target's series in /api/live/series: one value a second, aligned with Horde's own; the
   * searches the simulator counted (its counter's last scraped value) are those Horde sent, but
   * for the last seconds: the scrape is up to a couple of seconds old, Horde's totals up to one.
   */
  @SuppressWarnings("unchecked")
  static void targetMatchesTheLoad(Page page) {
    Map<String, Object> s = (Map<String, Object>) page.evaluate("() => fetch('/api/live/series').then(r => r.json())");
    Map<String, List<Object>> target = (Map<String, List<Object>>) s.get("target");
    List<Object> t = ((Map<String, List<Object>>) s.get("columns")).get("t");
    assertThat(target).containsKeys("searches_per_s", "searches_total", "horde_simulator_active_generations");
    assertThat(target.get("searches_per_s")).hasSameSizeAs(t);
    assertThat((List<Object>) s.get("scrape_failures")).hasSameSizeAs(t);
    double counted = target.get("searches_total").stream().filter(v -> v != null).mapToDouble(v -> ((Number) v).doubleValue())
        .max().orElse(0);
    Map<String, Object> search = ((List<Map<String, Object>>) ((Map<String, Object>) page.evaluate(
        "() => fetch('/api/live').then(r => r.json())")).get("endpoints")).stream()
        .filter(e -> "/api/rag/search".equals(e.get("name"))).findFirst().orElseThrow();
    double sent = ((Number) search.get("requests")).doubleValue();
    assertThat(sent).isGreaterThan(10);
    assertThat(counted).as("searches the simulator counted, against %s Horde sent", sent).isBetween(sent - 30, sent + 10);
  }

  static long requests(Page page) {
    return Long.parseLong(page.locator("#endpoints tr.total td:nth-child(2)").textContent().replaceAll("\\D", ""));
  }
}
