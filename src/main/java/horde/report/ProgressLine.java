package horde.report;

import horde.stats.Progress;
import java.util.Locale;

/** The live line printed every few seconds while a test runs. */
public final class ProgressLine {
  private ProgressLine() {}

  public static String format(Progress p) {
    return String.format(Locale.ROOT, "[%5.0fs] users %5d | %8s req/s | p50 %8s  p95 %8s  p99 %8s | errors %6s%s",
        p.elapsedSeconds(), p.users(), Units.rate(p.rps()), Units.ms(p.p50()), Units.ms(p.p95()),
        Units.ms(p.p99()), Units.percent(p.errorPercent()), p.warmup() ? "  (warm-up)" : "");
  }
}
