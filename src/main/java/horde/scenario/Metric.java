package horde.scenario;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a threshold judges: a statistic of one or two measures. {@code p95} is the 95th percentile
 * of the latency histogram, {@code ttft_p95} of the TTFT one; {@code requests} a counter's total,
 * {@code rps} its rate per second; {@code error_rate} failures as a share of requests; {@code
 * status_429_rate} the 429 answers as a share of all answers. Made by {@link ThresholdParser}.
 *
 * @param key as written, normalised ({@code p999} for {@code p99.9})
 * @param statistic how the value is computed from the measures
 * @param unit how the limit is written and the value shown
 */
public record Metric(String key, Statistic statistic, LimitUnit unit) {

  public Metric {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(unit, "unit");
  }

  /** How a limit is written: {@code 2s}, {@code 5%}, {@code 100} or {@code 100/s}, {@code $0.01}. */
  public enum LimitUnit {
    DURATION("a duration like 500ms or 2s"),
    PERCENT("a percentage like 5%"),
    RATE("a number per second like 100"),
    COUNT("a whole number like 1000"),
    MONEY("an amount in dollars like $0.01"),
    /** A target series' plain value: any number, or a size ({@code 512MB}). */
    NUMBER("a number like 50"),
    /** A trend per hour: relative ({@code 10%/h}), or points of a share per hour. */
    DRIFT("a change per hour like 10%/h");

    public final String expected;

    LimitUnit(String expected) {
      this.expected = expected;
    }
  }

  /** A statistic of a histogram. */
  public enum Stat {
    P50("p50", 50),
    P90("p90", 90),
    P95("p95", 95),
    P99("p99", 99),
    P999("p999", 99.9),
    AVG("avg", 0),
    MIN("min", 0),
    MAX("max", 0);

    public final String key;

    /** For percentiles, which one (0..100); 0 otherwise. */
    public final double percentile;

    Stat(String key, double percentile) {
      this.key = key;
      this.percentile = percentile;
    }
  }

  /** What is counted: a counter measure, or the answers whose status lies in {@code [from, to)}. */
  public sealed interface Count {
    record Counter(String measure) implements Count {}

    record Statuses(int from, int to) implements Count {}

    /** Every answer (any status): the whole that a status share is taken of. */
    Count ANSWERS = new Statuses(100, 600);
  }

  public sealed interface Statistic {
    /** A statistic of a histogram measure. */
    record Of(String measure, Stat stat) implements Statistic {}

    /** A count over the window. */
    record Total(Count count) implements Statistic {}

    /** A count per second of the window. */
    record PerSecond(Count count) implements Statistic {}

    /** One count over another: a percentage when the metric's unit is {@link LimitUnit#PERCENT}. */
    record Share(Count part, Count whole) implements Statistic {}

    /**
     * A statistic of a target series over the seconds of the window ({@code target.queue_depth max}).
     *
     * @param stat {@code min}, {@code max}, {@code avg}, {@code last} or {@code pNN}
     * @param percentile for {@code pNN}, which one; NaN otherwise
     * @param scale what a scraped value is multiplied by to be in the limit's unit (1000 for seconds
     *     judged in milliseconds, 100 for a ratio judged as a percentage)
     */
    record Target(String series, String stat, double percentile, double scale) implements Statistic {}

    /**
     * The trend of a run figure over its steady seconds, per hour ({@code p95_drift}): a robust
     * slope relative to where it started, or for a share ({@code error_rate}) in points.
     *
     * @param figure {@code p50}, {@code p90}, {@code p95}, {@code p99}, {@code avg}, {@code error_rate} or {@code rps}
     */
    record Drift(String figure) implements Statistic {}
  }

  /** The measures this metric reads (counters and histograms), for checks of what a scenario records. */
  public List<String> measures() {
    return switch (statistic) {
      case Statistic.Of o -> List.of(o.measure());
      case Statistic.Total t -> counters(t.count());
      case Statistic.PerSecond p -> counters(p.count());
      case Statistic.Share s -> Stream.concat(counters(s.part()).stream(), counters(s.whole()).stream()).toList();
      case Statistic.Target t -> List.of();
      case Statistic.Drift d -> List.of();
    };
  }

  private static List<String> counters(Count c) {
    return c instanceof Count.Counter k ? List.of(k.measure()) : List.of();
  }
}
