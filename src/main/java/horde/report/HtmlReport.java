package horde.report;

import horde.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The self-contained HTML report: one file with the chart library, the styles, the data and the
 * script inlined, that opens offline. Its Content-Security-Policy allows only those inline pieces
 * (by their SHA-256), so the page itself cannot load anything from a network.
 *
 * <pre>{@code
 * HtmlReport.write(ResultReader.read(Path.of("run.json")), Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  public static final String UPLOT_VERSION = "1.6.32";
  private static final String DIR = "/horde/report/";

  private HtmlReport() {}

  public static void write(RunResult r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, of(r));
  }

  public static String of(RunResult r) {
    List<TimeCharts.Chart> charts = TimeCharts.present(r);
    List<EndpointCharts.Chart> byEndpoint = EndpointCharts.of(r);
    List<EndpointCharts.Chart> target = TargetCharts.of(r);
    StringBuilder body = new StringBuilder(64 * 1024);
    HtmlSummary.header(body, r);
    body.append("<main>\n<nav class=\"toc\">");
    link(body, r.search() != null, "search", "Capacity search");
    link(body, !r.phases().isEmpty(), "phases", "Phases");
    link(body, true, "criteria", "Criteria");
    link(body, true, "findings", "Findings");
    link(body, true, "over-time", "Over time");
    link(body, !target.isEmpty(), "target", "Target metrics");
    link(body, true, "distribution", "Distribution");
    link(body, true, "endpoints", "Endpoints");
    link(body, !byEndpoint.isEmpty(), "by-endpoint", "By endpoint");
    link(body, r.stats().endpoints().stream().anyMatch(e -> e.isGroup()), "transactions", "Transactions");
    link(body, r.stats().endpoints().stream().anyMatch(e -> e.llm() != null && !e.isGroup()), "streaming", "Streaming");
    link(body, true, "failures", "Failures");
    link(body, true, "details", "Run details");
    body.append("</nav>\n");
    HtmlSummary.generatorBanner(body, r);
    HtmlSummary.cards(body, r);
    SearchChart.section(body, r);
    HtmlPhases.table(body, r);
    HtmlSummary.criteria(body, r);
    HtmlSummary.findings(body, r);
    HtmlTables.charts(body, charts, r, target);
    HtmlTables.endpoints(body, r.stats());
    HtmlTables.byEndpoint(body, byEndpoint);
    HtmlTables.transactions(body, r.stats());
    HtmlStreaming.table(body, r.stats());
    HtmlTables.failures(body, r.stats());
    HtmlTables.details(body, r);
    body.append("<footer>Made by Horde ").append(Html.escape(r.hordeVersion()))
        .append(" from the run's result file alone; <code>horde report</code> rebuilds it. Charts by uPlot ")
        .append(UPLOT_VERSION).append(" (MIT licence), inlined.</footer>\n</main>");

    String uplotCss = resource("uPlot.min.css"), css = resource("report.css");
    String uplotJs = resource("uPlot.iife.min.js") + "\n/* uPlot licence:\n" + resource("uPlot.LICENSE") + "*/";
    String js = resource("report.js");
    String csp = "default-src 'none'; script-src " + hash(uplotJs) + " " + hash(js) + "; style-src " + hash(uplotCss) + " "
        + hash(css) + "; base-uri 'none'; form-action 'none'";
    return fill(resource("report.html"), Map.of("csp", csp, "version", Html.escape(r.hordeVersion()),
        "title", Html.escape("Horde: " + r.scenario().getOrDefault("name", "run") + " (" + r.verdict().lower() + ")"),
        "uplot_css", uplotCss, "report_css", css, "body", body.toString(),
        "data", ChartData.embeddable(ChartData.of(r, charts, Stream.concat(
            byEndpoint.stream(), target.stream()).toList())), "uplot_js", uplotJs, "report_js", js));
  }

  private static void link(StringBuilder body, boolean present, String id, String text) {
    if (present) body.append("<a href=\"#").append(id).append("\">").append(text).append("</a>");
  }

  /** Replaces each {@code {{name}}} of the template once; inserted text is never scanned again. */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
    int at = 0;
    while (true) {
      int open = template.indexOf("{{", at);
      if (open < 0) break;
      int close = template.indexOf("}}", open);
      String name = template.substring(open + 2, close);
      String value = values.get(name);
      if (value == null) throw new IllegalStateException("report.html names an unknown value: " + name);
      out.append(template, at, open).append(value);
      at = close + 2;
    }
    return out.append(template, at, template.length()).toString();
  }

  /** The CSP source for an inline element's exact text. */
  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(DIR + name)) {
      if (in == null) throw new IllegalStateException("missing resource " + DIR + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
