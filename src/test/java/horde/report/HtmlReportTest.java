package horde.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.criteria.Verdict;
import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's structure, without a browser: self-contained, locked by its policy, escaped. */
class HtmlReportTest {
  static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
  static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  @Test
  void thePageLinksToNothingOutsideItself() {
    String html = HtmlReport.of(SampleResults.small());
    for (String tag : List.of("<link", "<script src", "<img", "<iframe", "@import", "url(")) {
      assertThat(html.contains(tag)).as("the page holds " + tag).isFalse();
    }
    Matcher refs = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"").matcher(html);
    while (refs.find()) assertThat(refs.group(1)).as("a reference in the page").startsWith("#");
  }

  @Test
  void thePolicyAllowsExactlyTheInlineScriptsAndStyles() {
    String html = HtmlReport.of(SampleResults.small());
    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1);
    assertThat(policy).startsWith("default-src 'none'; ").doesNotContain("unsafe", "http", "*");
    List<String> scripts = all(SCRIPT, html), styles = all(STYLE, html);
    assertThat(scripts).hasSize(2);
    assertThat(styles).hasSize(2);
    for (String s : scripts) assertThat(policy).contains("script-src").contains(HtmlReport.hash(s));
    for (String s : styles) assertThat(policy).contains(HtmlReport.hash(s));
    assertThat(html).contains("uPlot (v" + HtmlReport.UPLOT_VERSION + ")", "Permission is hereby granted");
  }

  @Test
  void textFromTheResultCannotBreakOutOfThePage() {
    String evil = "/x</script><script>alert(1)</script><img src=x onerror=alert(2)>";
    org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
    h.recordValue(1000);
    EndpointStats e = new EndpointStats(evil, "GET", 1, 1, 0, 0, h, Map.of("HTTP 500", 1L),
        Map.of("HTTP 500", "<b onmouseover=alert(3)>boom</b>"));
    EndpointStats other = new EndpointStats("/ok", "GET", 1, 0, 0, 0, h.copy(), Map.of(), Map.of());
    List<EndpointStats> both = List.of(e, other);
    RunStats stats = new RunStats(0, 1, 0, 1, both, Totals.merge("Total", "", both), List.of(), 0, false);
    RunResult r = new RunResult("0.1.0", Map.of("name", "<i>n</i>", "target", "http://h/\"><x"), Map.of("k", "<v>"),
        Map.of(), "2026-11-22T10:00:00Z", stats, List.of(), Verdict.PASS);
    String html = HtmlReport.of(r);
    for (String raw : List.of(evil, "<img", "<b onmouseover", "<i>n</i>", "\"><x", "<v>")) {
      assertThat(html.contains(raw)).as("the page holds, unescaped: " + raw).isFalse();
    }
    assertThat(all(SCRIPT, html)).hasSize(2);
    for (String escaped : List.of("/x&lt;/script&gt;", "GET /x\\u003c/script>\\u003cscript>")) {
      assertThat(html.contains(escaped)).as("the page holds, escaped: " + escaped).isTrue();
    }
  }

  @Test
  void theChartsAreTheDefinedOnesThatHaveData() {
    RunResult noFailures = SampleResults.long_(60, 3);
    assertThat(TimeCharts.present(SampleResults.small())).extracting(TimeCharts.Chart::id)
        .containsExactly("throughput", "latency", "users", "errors");
    String html = HtmlReport.of(noFailures);
    assertThat(html).contains("data-chart=\"throughput\"", "data-chart=\"latency\"", "data-chart=\"users\"",
        "data-chart=\"distribution\"");
  }

  @Test
  void theTemplateNamesOnlyKnownValues() {
    assertThat(HtmlReport.fill("a{{x}}b{{y}}", Map.of("x", "{{y}}", "y", "2"))).isEqualTo("a{{y}}b2");
    assertThatThrownBy(() -> HtmlReport.fill("{{nope}}", Map.of())).hasMessageContaining("nope");
  }

  private static List<String> all(Pattern p, String html) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
