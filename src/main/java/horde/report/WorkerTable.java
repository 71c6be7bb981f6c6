package horde.report;

import horde.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cluster run's workers, one row each: share, requests and failures in the measured window,
 * CPU and event-loop lag (the generator's health), and whether and when one was lost. Read from
 * the result's {@code settings.cluster}; nothing for a run on one machine.
 */
final class WorkerTable {
  private WorkerTable() {}

  static void append(StringBuilder out, RunResult r) {
    if (!(r.settings().get("cluster") instanceof Map<?, ?> cluster)) return;
    if (!(cluster.get("workers") instanceof List<?> workers) || workers.isEmpty()) return;
    out.append(String.format(Locale.ROOT, "%nWorkers (cluster %s)%n", cluster.get("name")));
    String fmt = "  %-16s %6s %10s %9s %9s %9s %13s  %s%n";
    out.append(String.format(Locale.ROOT, fmt, "Worker", "Share", "Requests", "Failures", "CPU mean", "CPU peak",
        "Loop lag p99", "Status"));
    for (Object o : workers) {
      if (!(o instanceof Map<?, ?> w)) continue;
      out.append(String.format(Locale.ROOT, fmt, clip(String.valueOf(w.get("name"))), w.get("share"),
          String.format(Locale.ROOT, "%,d", number(w.get("requests")).longValue()),
          String.format(Locale.ROOT, "%,d", number(w.get("failures")).longValue()),
          percent(w.get("cpu_mean_percent")), percent(w.get("cpu_peak_percent")),
          String.format(Locale.ROOT, "%.1f ms", number(w.get("loop_lag_p99_max_ms")).doubleValue()), status(w)));
    }
  }

  private static String status(Map<?, ?> w) {
    if (w.get("lost_at_s") == null) return "ok";
    return String.format(Locale.ROOT, "lost at %.1fs, %.1fs missed", number(w.get("lost_at_s")).doubleValue(),
        number(w.get("missed_s")).doubleValue());
  }

  private static String percent(Object v) {
    return String.format(Locale.ROOT, "%.0f%%", number(v).doubleValue());
  }

  private static Number number(Object v) {
    return v instanceof Number n ? n : 0;
  }

  private static String clip(String s) {
    return s.length() <= 16 ? s : s.substring(0, 15) + "…";
  }
}
