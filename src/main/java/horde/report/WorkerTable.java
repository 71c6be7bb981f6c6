package horde.report;

import horde.result.RunResult;
import horde.stats.ClusterTable;
import horde.stats.Settings;
import java.util.Locale;

/**
 * A cluster run's workers, one row each: share, requests and failures in the measured window,
 * CPU and event-loop lag (the generator's health), and whether and when one was lost. Read from
 * the result's {@code settings.cluster}; nothing for a run on one machine.
 */
final class WorkerTable {
  private WorkerTable() {}

  static void append(StringBuilder out, RunResult r) {
    ClusterTable cluster = Settings.of(r.settings()).cluster();
    if (cluster == null || cluster.workers().isEmpty()) return;
    out.append(String.format(Locale.ROOT, "%nWorkers (cluster %s)%n", cluster.name()));
    String fmt = "  %-16s %6s %10s %9s %9s %9s %13s  %s%n";
    out.append(String.format(Locale.ROOT, fmt, "Worker", "Share", "Requests", "Failures", "CPU mean", "CPU peak",
        "Loop lag p99", "Status"));
    for (ClusterTable.Worker w : cluster.workers()) {
      out.append(String.format(Locale.ROOT, fmt, clip(String.valueOf(w.name())), w.share(),
          String.format(Locale.ROOT, "%,d", w.requests()), String.format(Locale.ROOT, "%,d", w.failures()),
          percent(w.cpuMeanPercent()), percent(w.cpuPeakPercent()),
          String.format(Locale.ROOT, "%.1f ms", w.loopLagP99MaxMs()), status(w)));
    }
  }

  private static String status(ClusterTable.Worker w) {
    if (!w.lost()) return "ok";
    return String.format(Locale.ROOT, "lost at %.1fs, %.1fs missed", w.lostAtSeconds(), w.missedSeconds());
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v);
  }

  private static String clip(String s) {
    return s.length() <= 16 ? s : s.substring(0, 15) + "…";
  }
}
