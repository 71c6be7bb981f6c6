package horde.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import horde.simulator.Simulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI with the keyboard alone, on a 1280 by 720 laptop screen, in the system's dark theme
 * and then the toggle's light one: Tab reaches Start and Stop, each focused control shows its
 * focus, nothing is wider than the window, and every visible text keeps a contrast of 4.5:1
 * (WCAG AA) against what is behind it.
 */
class LiveUiKeyboardTest {
  /** The visible text with the lowest contrast against its background: {ratio, text, color, bg}. */
  static final String WORST_CONTRAST = """
      () => {
        const parts = c => c.match(/[\\d.]+/g).map(Number);
        const alpha = c => { const p = parts(c); return p.length > 3 ? p[3] : 1; };
        const lum = c => {
          const [r, g, b] = parts(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const back = el => {
          for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (alpha(c) > 0.5) return c; }
          return getComputedStyle(document.documentElement).backgroundColor;
        };
        let worst = { ratio: 99, text: '', color: '', bg: '' };
        for (const el of document.querySelectorAll('body *')) {
          if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('[disabled], .skip')) continue;
          if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
          const color = getComputedStyle(el).color, bg = back(el);
          const a = lum(color), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < worst.ratio) worst = { ratio, text: el.textContent.trim().slice(0, 60), color, bg };
        }
        return worst;
      }""";
  @TempDir Path dir;

  @Test
  void startAndStopWithTheKeyboardReadableInDarkAndLight() throws Exception {
    LiveUiInBrowserTest.assumeChromium();
    try (Simulator sim = LiveUiInBrowserTest.simulator(); LiveUi ui = LiveUi.start(dir, LiveUi.scenario(dir, sim.baseUrl()).toString());
        Playwright pw = LiveUiInBrowserTest.playwright(); Browser browser = LiveUiInBrowserTest.chromium(pw)) {
      BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 720)
          .setColorScheme(ColorScheme.DARK));
      List<String> problems = new CopyOnWriteArrayList<>();
      Page page = context.newPage();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) problems.add(m.text());
      });
      page.onPageError(problems::add);
      page.navigate(ui.base + "/");
      page.locator("#start-button:not([disabled])").waitFor();
      assertThat(background(page)).as("the system's dark theme").isLessThan(0.1);
      readable(page, "the start form, dark");

      // Tab to Start (the focus visible), Enter starts the scenario's own load.
      tabTo(page, "start-button");
      assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
      page.keyboard().press("Enter");
      page.locator("#live").waitFor();
      page.waitForFunction("() => document.querySelectorAll('#endpoints tbody tr').length >= 3", null,
          new Page.WaitForFunctionOptions().setTimeout(30_000));
      assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
          .as("nothing wider than a 1280 px window").isEqualTo(true);
      readable(page, "the live test, dark");

      // The toggle (by keyboard too) switches to light; still readable.
      tabTo(page, "theme");
      page.keyboard().press("Enter");
      page.waitForFunction("() => document.documentElement.dataset.theme === 'light'");
      assertThat(background(page)).as("the light theme").isGreaterThan(0.9);
      readable(page, "the live test, light");

      // Tab to Stop, Enter: the verdict.
      tabTo(page, "stop");
      page.keyboard().press("Enter");
      page.locator("#after").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
      page.locator("#verdict:not(:empty)").waitFor();
      readable(page, "the result, light");
      assertThat(problems).as("console and page errors").isEmpty();
      context.close();
    }
  }

  /** Presses Tab until the element with {@code id} has the focus (at most 80 times). */
  static void tabTo(Page page, String id) {
    for (int i = 0; i < 80; i++) {
      if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) return;
      page.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  /** The relative luminance (0 to 1, roughly) of the page's background: its mean channel. */
  static double background(Page page) {
    Object mean = page.evaluate("() => getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).slice(0, 3)"
        + ".map(Number).reduce((a, b) => a + b) / 765");
    return ((Number) mean).doubleValue();
  }

  @SuppressWarnings("unchecked")
  static void readable(Page page, String where) {
    Map<String, Object> worst = (Map<String, Object>) page.evaluate(WORST_CONTRAST);
    assertThat(((Number) worst.get("ratio")).doubleValue()).as(where + ": " + worst).isGreaterThanOrEqualTo(4.5);
  }
}
