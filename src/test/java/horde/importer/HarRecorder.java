package horde.importer;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.HarContentPolicy;
import horde.browser.Chromium;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Records a HAR file the way a person would save one from the browser's dev tools: Debian's
 * Chromium, driven by Playwright (its HAR recorder, with response bodies), opens a page and waits
 * until the page says it is done. Playwright is told not to download browsers: it uses the
 * system's. Nothing but the page's own origin is reached (host resolution is switched off).
 *
 * <pre>{@code HarRecorder.record(URI.create(sim.baseUrl() + "/demo/index.html"), "done", harFile);}</pre>
 */
final class HarRecorder {
  private HarRecorder() {}

  /** Opens {@code url}, waits for {@code body[data-<ready>]} (at most 30 s) and writes the HAR. */
  static void record(String url, String ready, Path har) {
    Path chromium = Chromium.find();
    if (chromium == null) throw new IllegalStateException("no Chromium (apt-get install chromium)");
    Playwright.CreateOptions create = new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
    try (Playwright pw = Playwright.create(create)) {
      BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"));
      try (Browser browser = pw.chromium().launch(launch)) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setRecordHarPath(har)
            .setRecordHarContent(HarContentPolicy.EMBED));
        Page page = context.newPage();
        page.navigate(url);
        page.waitForSelector("body[data-" + ready + "], body[data-error]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        String error = page.evaluate("document.body.dataset.error || ''").toString();
        if (!error.isEmpty()) throw new IllegalStateException("the page failed: " + error);
        context.close(); // writes the HAR
      }
    }
  }
}
