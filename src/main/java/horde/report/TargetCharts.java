package horde.report;

import horde.result.RunResult;
import horde.stats.Interval;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The target's own series ({@code monitor:}) as charts on the run's time axis, beside Horde's
 * latency and throughput: one chart per series, a value per second (a gap where a scrape failed),
 * in the unit its name says — {@code _seconds} in ms, {@code _ratio} and {@code _percent} as
 * percentages, anything else as a plain number.
 */
final class TargetCharts {
  private TargetCharts() {}

  /** Empty without target metrics, or when the intervals do not line up with the timeline. */
  static List<EndpointCharts.Chart> of(RunResult r) {
    List<Interval> intervals = r.stats().intervals();
    if (r.target() == null || intervals.size() != r.stats().timeline().size()) return List.of();
    List<String> names = List.copyOf(r.target().series().keySet());
    return IntStream.range(0, names.size()).mapToObj(k -> chart(k, names.get(k), intervals)).toList();
  }

  private static EndpointCharts.Chart chart(int k, String name, List<Interval> intervals) {
    double scale = name.endsWith("_seconds") ? 1000 : name.endsWith("_ratio") ? 100 : 1;
    String unit = name.endsWith("_seconds") ? "ms" : name.endsWith("_ratio") || name.endsWith("_percent") ? "percent"
        : "number";
    double[] values = new double[intervals.size()];
    for (int i = 0; i < values.length; i++) {
      Interval iv = intervals.get(i);
      values[i] = iv.target() == null ? Double.NaN : iv.target().value(name) * scale;
    }
    String id = "target" + k;
    return new EndpointCharts.Chart(id, "target", name, unit,
        List.of(new EndpointCharts.Column(id + "_v", name, "#0f766e", values, false)));
  }

  /** The section of frames, after Horde's own charts over time. */
  static void frames(StringBuilder h, RunResult r, List<EndpointCharts.Chart> charts) {
    if (charts.isEmpty()) return;
    long failed = r.target().failures();
    h.append("<section id=\"target\"><h2>Target metrics<span class=\"hint\">the target's own series, scraped every ")
        .append(Units.number(r.target().everySeconds())).append(" s onto the same time axis; ")
        .append(failed == 0 ? "no scrape failed" : failed + " scrapes failed (gaps)").append("</span></h2><div class=\"grid2\">");
    for (EndpointCharts.Chart c : charts) {
      h.append("<figure class=\"chart\" data-chart=\"").append(Html.escape(c.id())).append("\"><figcaption>")
          .append(Html.escape(c.title())).append(" <span>").append(Html.escape(r.target().series().get(c.title())))
          .append("</span></figcaption><div class=\"plot\"></div></figure>");
    }
    h.append("</div></section>\n");
  }
}
