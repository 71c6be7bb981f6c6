package horde.prometheus;

import horde.stats.TargetSample;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target's own metrics ({@code monitor:}) in the live export, as Horde saw them last second:
 * {@code horde_target_value{series="queue_depth"}} and the failed scrapes so far. The series
 * already live in the target's Prometheus; this shows them beside the load that moved them.
 */
final class TargetGauges {
  private final Map<String, Double> latest = new LinkedHashMap<>();
  private long failures;
  private boolean seen;

  void add(TargetSample t) {
    if (t == null) return;
    seen = true;
    latest.clear();
    latest.putAll(t.values());
    failures += t.failures();
  }

  void addTo(List<MetricSnapshot> out) {
    if (!seen) return;
    GaugeSnapshot.Builder values = GaugeSnapshot.builder().name("horde_target_value")
        .help("The target's own series (monitor:), their latest value");
    latest.forEach((name, v) -> values.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(v)
        .labels(Labels.of("series", name)).build()));
    out.add(values.build());
    out.add(CounterSnapshot.builder().name("horde_target_scrape_failures")
        .help("Scrapes of the target's metrics that failed").dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
            .value(failures).build()).build());
  }
}
