package horde.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text-format parser against real exporters' pages (Debian's node_exporter 1.5 and Prometheus
 * 2.42's own /metrics, captured as they served them), a fixture promtool accepts, and the lines it
 * must refuse.
 */
class ExpositionTest {
  static String fixture(String name) throws IOException {
    try (InputStream in = ExpositionTest.class.getResourceAsStream("/horde/monitor/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static double value(Exposition page, String name, Map<String, String> labels) {
    return page.samples().stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + labels)).value();
  }

  @Test
  void readsNodeExportersPage() throws Exception {
    String text = fixture("node-exporter.txt");
    Exposition page = Exposition.parse(text);
    long lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    assertThat(page.samples()).hasSize((int) lines);
    assertThat(value(page, "node_memory_MemTotal_bytes", Map.of())).isEqualTo(2.5276157952e10);
    assertThat(value(page, "node_load1", Map.of())).isEqualTo(21.5);
    assertThat(page.type("node_load1")).isEqualTo("gauge");
    assertThat(page.type("go_gc_duration_seconds")).isEqualTo("summary");
    assertThat(page.familyOf("go_gc_duration_seconds_count")).isEqualTo("go_gc_duration_seconds");
  }

  @Test
  void readsPrometheusServersOwnPageWithHistograms() throws Exception {
    Exposition page = Exposition.parse(fixture("prometheus-server.txt"));
    assertThat(page.type("prometheus_tsdb_compaction_duration_seconds")).isEqualTo("histogram");
    assertThat(page.familyOf("prometheus_tsdb_compaction_duration_seconds_bucket"))
        .isEqualTo("prometheus_tsdb_compaction_duration_seconds");
    assertThat(page.samples().stream().filter(s -> s.labels().containsKey("le")).count()).isGreaterThan(50);
  }

  @Test
  void readsEscapesTimestampsAndSpecialValuesOfAPagePromtoolAccepts() throws Exception {
    String text = fixture("promtool-valid.txt");
    promtoolAccepts(text);
    Exposition page = Exposition.parse(text);
    assertThat(value(page, "app_requests_total", Map.of("status", "200", "path", "/a\"b\\c"))).isEqualTo(1027);
    assertThat(value(page, "app_requests_total", Map.of("status", "503", "path", "/x\ny"))).isEqualTo(3);
    assertThat(value(page, "app_temperature_celsius", Map.of())).isEqualTo(-0.35);
    assertThat(value(page, "app_limit_bytes", Map.of())).isInfinite();
    assertThat(value(page, "app_rpc_seconds", Map.of("quantile", "0.99"))).isNaN();
    assertThat(page.families()).containsEntry("app_query_seconds", "histogram").containsEntry("app_requests_total",
        "counter");
  }

  /** The fixture is what promtool, Prometheus' own checker, calls a valid page (when it is installed). */
  private static void promtoolAccepts(String text) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/promtool"))) return;
    Process p = new ProcessBuilder("/usr/bin/promtool", "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void refusesWhatIsNotTheTextFormatNamingTheLine() {
    for (List<String> bad : List.of(
        List.of("<html><body>Login</body></html>", "line 1"),
        List.of("ok 1\nx{a=\"b} 2", "line 2: a label value is not closed"),
        List.of("x{a=b} 1", "quoted label value"),
        List.of("x 1 2 3", "at most a timestamp"),
        List.of("x abc", "bad value"),
        List.of("x{a=\"1\",a=\"2\"} 1", "label a twice"),
        List.of("# TYPE x gauge\n# TYPE x counter\nx 1", "a second # TYPE"),
        List.of("# TYPE x thing\nx 1", "unknown metric type"),
        List.of("x{a=\"\\q\"} 1", "bad escape"))) {
      assertThatThrownBy(() -> Exposition.parse(bad.get(0))).as(bad.get(0)).isInstanceOf(Exposition.FormatException.class)
          .hasMessageContaining(bad.get(1));
    }
  }

  @Test
  void acceptsOpenMetricsEndAndCarriageReturns() throws Exception {
    Exposition page = Exposition.parse("# TYPE a gauge\r\na 1\r\n# EOF\n");
    assertThat(page.samples()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(1));
  }
}
