package horde.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.criteria.Findings;
import horde.result.ResultReader;
import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.nio.file.Path;
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
    EndpointStats e = EndpointStats.of(evil, "GET", 1, 1, 0, 0, h, Map.of("HTTP 500", 1L),
        Map.of("HTTP 500", "<b onmouseover=alert(3)>boom</b>"));
    EndpointStats other = EndpointStats.of("/ok", "GET", 1, 0, 0, 0, h.copy(), Map.of(), Map.of());
    List<EndpointStats> both = List.of(e, other);
    RunStats stats = new RunStats(0, 1, 0, 1, both, EndpointStats.merge("Total", "", both), List.of(), 0, false);
    RunResult r = RunResult.builder(stats).hordeVersion("0.1.0").scenario(Map.of("name", "<i>n</i>", "target",
        "http://h/\"><x")).settings(Map.of("k", "<v>")).startedAt("2026-11-22T10:00:00Z")
        .findings(Findings.of(stats, Map.of("k", "<v>"))).build();
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

  /** A real open-model ladder of streaming phases past the simulator's knee (see StreamingFixture). */
  static final Path LADDER = Path.of("src/test/resources/horde/report/HtmlReportInBrowserTest/streaming-ladder.json");

  @Test
  void streamingAndTheOpenModelBringTheirCharts() throws Exception {
    RunResult r = ResultReader.read(LADDER);
    assertThat(TimeCharts.present(r)).extracting(TimeCharts.Chart::id)
        .containsExactly("throughput", "latency", "ttft", "itl", "users", "dropped", "errors", "tokens", "cache");
    assertThat(TimeCharts.present(r).get(4).title()).isEqualTo("Busy users");
    var data = ChartData.of(r, TimeCharts.present(r));
    assertThat(data.path("phases")).hasSize(5);
    assertThat(data.path("phases").get(1).path("label").asString()).isEqualTo("8/s");
    assertThat(data.path("phases").get(1).path("t").asDouble()).isEqualTo(r.phases().get(1).startSeconds());
    assertThat(data.path("bands")).singleElement().satisfies(b -> {
      assertThat(b.path("from").asDouble()).isZero();
      assertThat(b.path("to").asDouble()).isEqualTo(5.0);
    });
    List<String> curves = new ArrayList<>();
    data.path("distribution").path("series").forEach(c -> curves.add(c.path("label").asString() + (c.path("dash").asBoolean() ? " (dashed)" : "")));
    assertThat(curves).startsWith("all requests, from the intended start", "all requests, from the actual send (dashed)")
        .endsWith("GROUP support turn (dashed)");
  }

  @Test
  void phasesCriteriaTransactionsAndStreamingHaveTheirSections() throws Exception {
    RunResult r = ResultReader.read(LADDER);
    String html = HtmlReport.of(r);
    assertThat(html).contains("<section id=\"phases\">", "<section id=\"transactions\">", "<section id=\"streaming\">",
        "href=\"#phases\"", "href=\"#transactions\"", "href=\"#streaming\"", "<small>grade POOR</small>",
        "5 of 18 criteria missed", "Time to first token p95", "Token cost", "Peak busy users", "Dropped");
    String criteria = section(html, "criteria");
    assertThat(count(criteria, "<span class=\"status ")).as("3 criteria of the whole run, 3 of each of 5 phases").isEqualTo(18);
    assertThat(criteria).contains("<h3>By phase</h3>", "<th>16/s</th>", "whole phase",
        "<span class=\"value fail\">1.63s</span> <span class=\"status fail\">fail</span>");
    String endpoints = section(html, "endpoints");
    assertThat(endpoints).contains("/api/conversations/[id]/messages").doesNotContain("support turn");
    assertThat(section(html, "transactions")).contains("support turn");
    assertThat(section(html, "failures")).doesNotContain("GROUP");
    assertThat(section(html, "streaming")).contains("TTFT p95", "31% of 299");
    assertThat(section(html, "phases")).contains("EXCELLENT", "1 of 3", "24/s, max 40 users");
  }

  @Test
  void aRunWithoutPhasesStreamsOrGroupsKeepsItsPlainPage() {
    String html = HtmlReport.of(SampleResults.small());
    String body = html.substring(html.indexOf("<body>"), html.indexOf("<script"));
    assertThat(body).doesNotContain("id=\"phases\"", "id=\"transactions\"", "id=\"streaming\"", "grade ", "Dropped");
    assertThat(ChartData.of(SampleResults.small(), TimeCharts.present(SampleResults.small())).path("phases")).isEmpty();
  }

  @Test
  void loadsAreSaidInAFewWords() {
    assertThat(LoadText.of(Map.of("model", "closed", "users", 10))).isEqualTo("10 users");
    assertThat(LoadText.of(Map.of("model", "stages", "stages", List.of(Map.of("duration", "1m", "users", 80),
        Map.of("duration", "20s", "users", 20))))).isEqualTo("up to 80 users");
    assertThat(LoadText.of(Map.of("model", "open", "start_rate", 2.0, "rates", List.of(Map.of("duration", "1m", "rate", 24.0)),
        "max_users", 40))).isEqualTo("2 → 24/s, max 40 users");
    assertThat(LoadText.of(Map.of("model", "fixed_count", "requests", 1000, "concurrency", 10))).isEqualTo("1,000 requests × 10");
  }

  /** The text of one section of the page. */
  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
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
