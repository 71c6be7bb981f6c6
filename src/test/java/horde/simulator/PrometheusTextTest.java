package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void writesFamiliesAndEscapesLabelValues() {
    String text =
        new PrometheusText()
            .family("x_total", "counter", "Help with \\ and\nnewline.")
            .sample("x_total", 3, "path", "a\"b\\c\nd", "code", "200")
            .sample("x_total", 0)
            .toString();

    assertThat(text)
        .isEqualTo(
            "# HELP x_total Help with \\\\ and\\nnewline.\n"
                + "# TYPE x_total counter\n"
                + "x_total{path=\"a\\\"b\\\\c\\nd\",code=\"200\"} 3\n"
                + "x_total 0\n");
  }
}
