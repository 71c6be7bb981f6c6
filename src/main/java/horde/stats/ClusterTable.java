package horde.stats;

import java.util.List;
import java.util.Map;

/**
 * A cluster run's workers as the result keeps them in {@code settings.cluster} ({@link Settings#cluster}):
 * written by the coordinator when the run ends, read by findings and reports, so that a report
 * rebuilt from the file shows them too.
 *
 * @param name the cluster's name
 */
public record ClusterTable(String name, List<Worker> workers) {
  public static final String NAME = "name";
  public static final String ON_WORKER_LOSS = "on_worker_loss";
  public static final String WORKERS = "workers";

  public ClusterTable {
    workers = List.copyOf(workers);
  }

  /**
   * One worker's row: its figures over the measured window and the generator's health on it.
   *
   * @param share its part of the load, like {@code 1/3}
   * @param lostAtSeconds when it was lost, seconds into the run; null when it was not
   * @param missedSeconds how long its share went unsent after that
   * @param lostReason why it was lost; null when it was not
   */
  public record Worker(String name, String share, long requests, long failures, double cpuMeanPercent,
      double cpuPeakPercent, double loopLagP99MaxMs, Double lostAtSeconds, double missedSeconds, String lostReason) {
    public static final String NAME = "name";
    public static final String SHARE = "share";
    public static final String CORES = "cores";
    public static final String REQUESTS = "requests";
    public static final String FAILURES = "failures";
    public static final String CPU_MEAN_PERCENT = "cpu_mean_percent";
    public static final String CPU_PEAK_PERCENT = "cpu_peak_percent";
    public static final String LOOP_LAG_P99_MAX_MS = "loop_lag_p99_max_ms";
    public static final String CLOCK_OFFSET_MS = "clock_offset_ms";
    public static final String LOST_AT_S = "lost_at_s";
    public static final String MISSED_S = "missed_s";
    public static final String LOST_REASON = "lost_reason";

    public boolean lost() {
      return lostAtSeconds != null;
    }

    static Worker of(Map<?, ?> w) {
      return new Worker(text(w.get(NAME)), text(w.get(SHARE)), Settings.whole(w.get(REQUESTS)).orElse(0),
          Settings.whole(w.get(FAILURES)).orElse(0), Settings.number(w.get(CPU_MEAN_PERCENT)),
          Settings.number(w.get(CPU_PEAK_PERCENT)), Settings.number(w.get(LOOP_LAG_P99_MAX_MS)),
          w.get(LOST_AT_S) instanceof Number n ? n.doubleValue() : null, Settings.number(w.get(MISSED_S)),
          text(w.get(LOST_REASON)));
    }
  }

  static ClusterTable of(Map<?, ?> cluster) {
    return new ClusterTable(text(cluster.get(NAME)), Settings.maps(cluster.get(WORKERS)).stream().map(Worker::of).toList());
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
