package horde.scenario;

import java.util.Objects;

/**
 * A figure Horde records for each endpoint in each second: a histogram of values (latencies, token
 * rates) or a counter (requests, tokens, dollars). The recorder, the statistics, the result file,
 * thresholds and reports find measures by key in one registry, {@link Measures}: a measure added
 * there is recorded, summed, written, charted and can be judged with no other change.
 *
 * <pre>{@code
 * Measure ttft = Measures.BUILT_IN.histogram("ttft");   // ttft_p95 < 500ms in a threshold
 * }</pre>
 *
 * @param key its name in thresholds ({@code ttft_p95}), the result file and reports
 * @param kind what is kept: every value in a histogram, or a sum
 * @param unit how values are recorded
 * @param label a few words for people
 * @param needs what a scenario must have for the measure to get any data (checked at load)
 * @param scope per endpoint, or one figure for the whole run
 */
public record Measure(String key, Kind kind, Unit unit, String label, Needs needs, Scope scope) {

  public enum Kind {
    HISTOGRAM,
    COUNTER
  }

  /** How a value is recorded, and the factor that turns it into the unit people read. */
  public enum Unit {
    /** Times: recorded in microseconds, read in milliseconds. */
    MICROSECONDS(1e-3),
    /** Rates per second, recorded in thousandths so a histogram keeps three decimals. */
    THOUSANDTHS(1e-3),
    COUNT(1),
    BYTES(1),
    /** Money: recorded in billionths of a dollar, read in dollars. */
    NANODOLLARS(1e-9);

    public final double toReadable;

    Unit(double toReadable) {
      this.toReadable = toReadable;
    }
  }

  /** What a scenario must have for the measure to have data; a threshold without it is refused at load. */
  public enum Needs {
    NOTHING,
    /** The open model (an arrival rate). */
    OPEN_MODEL,
    /** A streamed answer (stream: openai, sse, chunked). */
    STREAM,
    /** An answer Horde reads: for tokens or a cache mark. */
    ANSWER,
    /** An answer whose tokens are counted (stream, llm or model). */
    TOKENS,
    /** Prices, and answers to charge. */
    PRICES,
    /** A cache-hit rule. */
    CACHE_RULE,
    /** A WebSocket step. */
    WEBSOCKET
  }

  public enum Scope {
    ENDPOINT,
    RUN
  }

  public Measure {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    needs = needs == null ? Needs.NOTHING : needs;
    scope = scope == null ? Scope.ENDPOINT : scope;
  }

  public static Measure histogram(String key, Unit unit, String label, Needs needs) {
    return new Measure(key, Kind.HISTOGRAM, unit, label, needs, Scope.ENDPOINT);
  }

  public static Measure counter(String key, Unit unit, String label, Needs needs) {
    return new Measure(key, Kind.COUNTER, unit, label, needs, Scope.ENDPOINT);
  }

  public boolean isHistogram() {
    return kind == Kind.HISTOGRAM;
  }

  /** A recorded value in the unit people read (milliseconds, tokens per second, dollars). */
  public double readable(double recorded) {
    return recorded * unit.toReadable;
  }
}
