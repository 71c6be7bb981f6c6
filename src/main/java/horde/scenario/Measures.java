package horde.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of measures: every histogram and counter Horde records, each with its index in
 * its kind (the recorder's arrays are indexed by it). {@link #BUILT_IN} holds Horde's own; {@link
 * #with} adds more after them, so the built-in indexes below stay valid in any registry.
 *
 * <pre>{@code
 * int ttft = Measures.TTFT;                         // the index the engine records into
 * Measure m = Measures.BUILT_IN.find("ttft").get(); // the description thresholds and reports use
 * }</pre>
 */
public final class Measures {
  /** Histogram indexes of the built-in measures. */
  public static final int LATENCY = 0, UNCORRECTED = 1, TTFB = 2, TTFT = 3, ITL = 4, TPOT = 5, TOKENS_PER_S = 6,
      REFUSED = 7, WS_CONNECT = 8, WS_ROUND_TRIP = 9;

  /** Counter indexes of the built-in measures. */
  public static final int REQUESTS = 0, FAILURES = 1, BYTES_SENT = 2, BYTES_RECEIVED = 3, RETRIES = 4, STREAMS = 5,
      TOKEN_EVENTS = 6, INPUT_TOKENS = 7, OUTPUT_TOKENS = 8, CACHE_HITS = 9, CACHE_LOOKUPS = 10, COST = 11,
      DROPPED_ITERATIONS = 12, PRICED_REQUESTS = 13, CACHED_INPUT_TOKENS = 14, COST_SAVED = 15, BODY_BYTES = 16,
      WS_MESSAGES_OUT = 17, WS_MESSAGES_IN = 18, WS_BYTES_OUT = 19, WS_BYTES_IN = 20;

  public static final Measures BUILT_IN = new Measures(List.of(
      Measure.histogram("latency", Measure.Unit.MICROSECONDS, "response time", Measure.Needs.NOTHING),
      Measure.histogram("uncorrected", Measure.Unit.MICROSECONDS, "response time from the actual send",
          Measure.Needs.OPEN_MODEL),
      Measure.histogram("ttfb", Measure.Unit.MICROSECONDS, "time to first byte", Measure.Needs.ANSWER),
      Measure.histogram("ttft", Measure.Unit.MICROSECONDS, "time to first token", Measure.Needs.STREAM),
      Measure.histogram("itl", Measure.Unit.MICROSECONDS, "inter-token latency", Measure.Needs.STREAM),
      Measure.histogram("tpot", Measure.Unit.MICROSECONDS, "time per output token", Measure.Needs.STREAM),
      Measure.histogram("tokens_per_s", Measure.Unit.THOUSANDTHS, "output tokens per second of a request",
          Measure.Needs.TOKENS),
      Measure.histogram("refused", Measure.Unit.MICROSECONDS,
          "response time of answers with a status of 400 or more (also in latency)", Measure.Needs.NOTHING),
      Measure.histogram("ws_connect", Measure.Unit.MICROSECONDS, "WebSocket connect and opening handshake",
          Measure.Needs.WEBSOCKET),
      Measure.histogram("ws_round_trip", Measure.Unit.MICROSECONDS,
          "WebSocket round trip: from a send to the awaited message", Measure.Needs.WEBSOCKET),
      Measure.counter("requests", Measure.Unit.COUNT, "requests", Measure.Needs.NOTHING),
      Measure.counter("failures", Measure.Unit.COUNT, "failed requests", Measure.Needs.NOTHING),
      Measure.counter("bytes_sent", Measure.Unit.BYTES, "bytes sent", Measure.Needs.NOTHING),
      Measure.counter("bytes_received", Measure.Unit.BYTES, "bytes received", Measure.Needs.NOTHING),
      Measure.counter("retries", Measure.Unit.COUNT, "requests sent again on a new connection", Measure.Needs.NOTHING),
      Measure.counter("streams", Measure.Unit.COUNT, "answers read as streams", Measure.Needs.STREAM),
      Measure.counter("token_events", Measure.Unit.COUNT, "stream events that carried tokens", Measure.Needs.STREAM),
      Measure.counter("input_tokens", Measure.Unit.COUNT, "input tokens", Measure.Needs.TOKENS),
      Measure.counter("output_tokens", Measure.Unit.COUNT, "output tokens", Measure.Needs.TOKENS),
      Measure.counter("cache_hits", Measure.Unit.COUNT, "answers marked as cache hits", Measure.Needs.CACHE_RULE),
      Measure.counter("cache_lookups", Measure.Unit.COUNT, "answers that said whether they were cached",
          Measure.Needs.CACHE_RULE),
      Measure.counter("cost", Measure.Unit.NANODOLLARS, "cost", Measure.Needs.PRICES),
      new Measure("dropped_iterations", Measure.Kind.COUNTER, Measure.Unit.COUNT,
          "arrivals that found no free user", Measure.Needs.OPEN_MODEL, Measure.Scope.RUN),
      Measure.counter("priced_requests", Measure.Unit.COUNT, "requests charged from the prices", Measure.Needs.PRICES),
      Measure.counter("cached_input_tokens", Measure.Unit.COUNT, "input tokens of answers marked as cache hits",
          Measure.Needs.CACHE_RULE),
      Measure.counter("cost_saved", Measure.Unit.NANODOLLARS, "cost saved by the cached-input price",
          Measure.Needs.PRICES),
      Measure.counter("body_bytes", Measure.Unit.BYTES, "bytes of answer bodies (as decoded)", Measure.Needs.NOTHING),
      Measure.counter("ws_messages_out", Measure.Unit.COUNT, "WebSocket messages sent", Measure.Needs.WEBSOCKET),
      Measure.counter("ws_messages_in", Measure.Unit.COUNT, "WebSocket messages received", Measure.Needs.WEBSOCKET),
      Measure.counter("ws_bytes_out", Measure.Unit.BYTES, "WebSocket message bytes sent (payloads)",
          Measure.Needs.WEBSOCKET),
      Measure.counter("ws_bytes_in", Measure.Unit.BYTES, "WebSocket message bytes received (payloads)",
          Measure.Needs.WEBSOCKET)));

  private final List<Measure> histograms = new ArrayList<>();
  private final List<Measure> counters = new ArrayList<>();
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Map<String, Measure> byKey = new LinkedHashMap<>();

  private Measures(List<Measure> all) {
    for (Measure m : all) {
      if (byKey.containsKey(m.key())) throw new IllegalArgumentException("measure '" + m.key() + "' twice");
      List<Measure> list = m.isHistogram() ? histograms : counters;
      index.put(m.key(), list.size());
      list.add(m);
      byKey.put(m.key(), m);
    }
  }

  /** This registry and {@code extra} after it. */
  public Measures with(List<Measure> extra) {
    List<Measure> all = new ArrayList<>(byKey.values());
    all.addAll(extra);
    return new Measures(all);
  }

  public Optional<Measure> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The index of a measure within its kind; -1 when unknown. */
  public int indexOf(String key) {
    return index.getOrDefault(key, -1);
  }

  public int histogramCount() {
    return histograms.size();
  }

  public int counterCount() {
    return counters.size();
  }

  public Measure histogram(int index) {
    return histograms.get(index);
  }

  public Measure counter(int index) {
    return counters.get(index);
  }

  public List<Measure> histograms() {
    return List.copyOf(histograms);
  }

  public List<Measure> counters() {
    return List.copyOf(counters);
  }

  /** Every key, histograms first. */
  public List<String> keys() {
    return List.copyOf(byKey.keySet());
  }
}
