package horde.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import horde.browser.Chromium;
import horde.browser.DevTools;
import horde.browser.PageVisit;
import horde.result.ResultReader;
import horde.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The HTML report opened in real headless Chromium over the DevTools protocol: every chart is
 * painted, and the browser reports no console error, no exception, no refused load and no request.
 * A deliberately bad page proves the same checks see such things. Skipped without Chromium,
 * except on CI (where .ci/run installs it).
 */
class HtmlReportInBrowserTest {
  static final Path RUN = Path.of("src/test/resources/horde/report/HtmlReportInBrowserTest/knee-run.json");
  /** Per chart: pixels in a colour (a series), as opposed to the grey of grid, axes and bands. */
  static final String PAINTED = """
      Array.from(document.querySelectorAll('figure[data-chart]')).filter(f => !f.closest('details:not([open])')).map(f => {
        const c = f.querySelector('canvas');
        if (!c || !c.width) return f.dataset.chart + ':0';
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
        }
        return f.dataset.chart + ':' + n;
      })""";
  static Chromium chromium;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    boolean ci = System.getenv("CI") != null;
    assumeTrue(ci || Chromium.find() != null, "Chromium is not installed (apt-get install chromium)");
    chromium = Chromium.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) chromium.close();
  }

  static Stream<Arguments> results() throws Exception {
    return Stream.of(Arguments.of("a real run past the knee", ResultReader.read(RUN)),
        Arguments.of("a real streaming ladder of open-model phases with a transaction", ResultReader.read(HtmlReportTest.LADDER)),
        Arguments.of("a small crafted run", SampleResults.small()),
        Arguments.of("a one-hour run with 20 endpoints", SampleResults.long_(3600, 20)),
        Arguments.of("a run stopped before any answer", SampleResults.empty()),
        Arguments.of("a run with per-second intervals and refusals", SampleResults.withIntervals()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void everyChartIsPaintedWithNoErrorAndNoRequest(String name, RunResult result) throws Exception {
    Path html = dir.resolve("report.html");
    HtmlReport.write(result, html);
    try (DevTools page = chromium.newPage()) {
      PageVisit visit = PageVisit.open(page, html.toUri(), 1440, "document.body.dataset.chartsDrawn");
      assertThat(visit.problems()).as("console errors, exceptions, refused loads").isEmpty();
      assertThat(visit.requests()).as("requests besides the page itself").isEmpty();
      int figures = visit.eval("Array.from(document.querySelectorAll('figure[data-chart]'))"
          + ".filter(f => !f.closest('details')).length").asInt();
      assertThat(visit.eval("document.body.dataset.chartsDrawn").asString()).isEqualTo(String.valueOf(figures));
      assertThat(figures).as("the time charts, the percentile curve and the bars").isEqualTo(TimeCharts.present(result).size() + 2);
      // an endpoint's folded charts are drawn when its block opens
      int folded = visit.eval("(() => { const d = document.querySelector('details.endpoint'); if (!d) return 0;"
          + " d.open = true; return d.querySelectorAll('figure[data-chart]').length; })()").asInt();
      if (!result.stats().intervals().isEmpty()) assertThat(folded).as("charts by endpoint").isPositive();
      if (folded > 0) {
        Thread.sleep(300);
        assertThat(visit.eval("document.body.dataset.chartsDrawn").asString()).isEqualTo(String.valueOf(figures + folded));
        assertThat(visit.problems()).as("console errors after opening an endpoint").isEmpty();
      }
      if (result.stats().timeline().isEmpty()) return; // nothing to paint; drawn without error is the point
      for (JsonNode chart : visit.eval(PAINTED)) {
        String[] idAndPixels = chart.asString().split(":");
        assertThat(Integer.parseInt(idAndPixels[1])).as("coloured pixels in chart " + idAndPixels[0]).isGreaterThan(300);
      }
    }
  }

  /** The checks are not blind: a page that logs an error, throws and fetches is caught on all three. */
  @Test
  void aBadPageIsCaught() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.html"), """
        <!doctype html><html><body><img src="http://127.0.0.1:9/pixel.png"><script>
        console.error("boom"); fetch("http://127.0.0.1:9/probe").catch(() => {});
        document.body.dataset.ready = "1"; setTimeout(() => { throw new Error("late"); }, 0);
        </script></body></html>""");
    try (DevTools page = chromium.newPage()) {
      PageVisit visit = PageVisit.open(page, bad.toUri(), 800, "document.body.dataset.ready");
      Thread.sleep(200);
      assertThat(visit.requests()).contains("http://127.0.0.1:9/pixel.png", "http://127.0.0.1:9/probe");
      assertThat(visit.problems()).anyMatch(p -> p.contains("boom")).anyMatch(p -> p.contains("late"));
    }
  }

  /** A page under the report's policy that tries to load something is refused, and that shows. */
  @Test
  void theReportsPolicyRefusesLoadsAndTheRefusalShows() throws Exception {
    String html = HtmlReport.of(SampleResults.small()).replace("</main>",
        "</main><img src=\"http://127.0.0.1:9/pixel.png\">");
    Path page = Files.writeString(dir.resolve("policy.html"), html);
    try (DevTools tab = chromium.newPage()) {
      PageVisit visit = PageVisit.open(tab, page.toUri(), 1024, "document.body.dataset.chartsDrawn");
      assertThat(visit.problems()).anyMatch(p -> p.contains("Content Security Policy"));
      assertThat(visit.refused()).containsExactly("http://127.0.0.1:9/pixel.png (csp)");
    }
  }

  /**
   * The picture in the README: target/report-screenshot.png, and docs/ with
   * -Dhorde.screenshot.docs=true. The streaming ladder past the simulator's knee shows the most.
   */
  @Test
  void aScreenshotOfARealRun() throws Exception {
    Path html = dir.resolve("ladder.html");
    HtmlReport.write(ResultReader.read(HtmlReportTest.LADDER), html);
    try (DevTools page = chromium.newPage()) {
      PageVisit visit = PageVisit.open(page, html.toUri(), 1440, "document.body.dataset.chartsDrawn");
      Path shot = Path.of("target/report-screenshot.png");
      visit.screenshot(shot, 0, 2200);
      assertThat(Files.size(shot)).isGreaterThan(50_000);
      if (Boolean.getBoolean("horde.screenshot.docs")) Files.copy(shot, Path.of("docs/report-screenshot.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      visit.screenshot(Path.of("target/report-bottom.png"), 2300, 2800);
    }
  }
}
