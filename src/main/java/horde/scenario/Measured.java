package horde.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a scenario measures, which decides the thresholds it can hold: one on a figure none of its
 * requests produce ({@code ttft_p95} without a stream, {@code cost} without prices, {@code
 * dropped_iterations} without an arrival rate) would only learn after the whole run that it has
 * no data, so this says so before. The one check of a threshold's meaning, for YAML and the Java
 * API alike; each measure says what it needs ({@link Measure#needs()}).
 *
 * @param streams a request reads a streamed answer
 * @param tokens a request counts tokens ({@code stream}, {@code llm} or {@code model})
 * @param cacheHits a request has its own cache-hit rule
 * @param cacheRule the scenario has a cache-hit rule for every answer
 * @param prices the scenario prices tokens or requests
 * @param websockets a step opens a WebSocket
 * @param monitor the target's metrics the scenario scrapes, or null
 */
public record Measured(boolean streams, boolean tokens, boolean cacheHits, boolean cacheRule, boolean prices,
    boolean websockets, Monitor monitor) {

  /** The same, scraping {@code m}. */
  public Measured withMonitor(Monitor m) {
    return new Measured(streams, tokens, cacheHits, cacheRule, prices, websockets, m);
  }

  public static Measured of(Scenario s) {
    List<Request> requests = new ArrayList<>();
    List<WsStep> sockets = new ArrayList<>();
    s.visitSteps(step -> {
      if (step instanceof Request r) requests.add(r);
      if (step instanceof WsStep w) sockets.add(w);
    });
    boolean wsStreams = sockets.stream().anyMatch(w -> w instanceof WsStep.Await a && a.stream());
    return new Measured(
        wsStreams || requests.stream().anyMatch(r -> r.stream() != null),
        requests.stream().anyMatch(r -> r.stream() != null || r.llm() != null || r.model() != null),
        requests.stream().anyMatch(r -> r.cacheHit() != null),
        s.llm().cacheHit() != null,
        !s.llm().prices().isEmpty(),
        sockets.stream().anyMatch(w -> w instanceof WsStep.Connect),
        s.monitor());
  }

  /**
   * Every threshold and grade condition of a scenario (its phases' included) that names an unknown
   * endpoint or a figure it does not measure, each with the reason.
   */
  public static List<String> problems(Scenario s) {
    Measured measured = of(s);
    Set<String> endpoints = s.endpointNames();
    List<String> out = new ArrayList<>();
    BiConsumer<Threshold, Boolean> check = (t, open) -> {
      String why = t.endpoint() != null && !endpoints.contains(t.endpoint())
          ? unknownEndpoint(t.endpoint(), endpoints)
          : measured.need(t, open);
      if (why != null) out.add("'" + t.expression() + "': " + why);
    };
    if (s.search() != null && s.thresholds().isEmpty())
      out.add("a search needs thresholds: they tell a level that holds from one past the knee, like p95 < 2s");
    boolean anyOpen = s.runs().stream().anyMatch(p -> p.load().isOpen());
    conditions(s.thresholds(), s.grades()).forEach(t -> check.accept(t, anyOpen));
    s.phases().forEach(p -> conditions(p.thresholds(), p.grades()).forEach(t -> check.accept(t, p.load().isOpen())));
    return out;
  }

  private static List<Threshold> conditions(List<Threshold> thresholds, List<Grade> grades) {
    List<Threshold> out = new ArrayList<>(thresholds);
    grades.stream().map(Grade::condition).filter(c -> c != null).forEach(out::add);
    return out;
  }

  /** Why {@code name} is no endpoint of a scenario whose endpoints are {@code known}. */
  public static String unknownEndpoint(String name, Set<String> known) {
    String close = Suggest.didYouMean(name, known);
    return "endpoint: '" + name + "' is not the name of a request or task" + close
        + (close.isEmpty() && !known.isEmpty() ? "; known: " + String.join(", ", known) : "");
  }

  /**
   * What a threshold lacks in this scenario, or null.
   *
   * @param open whether the load it judges is an arrival rate
   */
  public String need(Threshold t, boolean open) {
    if (t.metric().statistic() instanceof Metric.Statistic.Target target) return needSeries(target.series());
    if (t.metric().statistic() instanceof Metric.Statistic.Drift && t.endpoint() != null)
      return t.metric().key() + " is the trend of the whole run, not of an endpoint; remove endpoint";
    for (String key : t.metric().measures()) {
      Measure m = Measures.BUILT_IN.find(key).orElse(null);
      if (m == null) continue;
      String why = need(t.metric().key(), m, open);
      if (why != null) return why;
      if (m.scope() == Measure.Scope.RUN && t.endpoint() != null)
        return t.metric().key() + " is counted for the whole run, not per endpoint; remove endpoint";
    }
    return null;
  }

  /** What a criterion on target series {@code name} lacks, or null. */
  private String needSeries(String name) {
    if (monitor == null)
      return "target." + name + " is a series of the target's metrics, so it needs a monitor section, like monitor:"
          + " {prometheus: [{url: http://127.0.0.1:9100/metrics, series: [" + name + "]}]}";
    if (monitor.seriesNames().contains(name) || monitor.discovers()) return null;
    return "target." + name + ": the monitor lists no series '" + name + "'"
        + Suggest.didYouMean(name, monitor.seriesNames()) + "; it has: " + String.join(", ", monitor.seriesNames());
  }

  private String need(String name, Measure m, boolean open) {
    return switch (m.needs()) {
      case NOTHING -> null;
      case OPEN_MODEL -> open ? null : name + (m.isHistogram() ? " is measured in the open model only" : " counts "
          + m.label()) + ", so it needs the open model: a load with arrival_rate, or stages of rates";
      case STREAM -> streams ? null
          : name + " is measured on streamed answers, so it needs a request with stream: openai, sse or chunked, or a"
              + " ws_await with stream: tokens";
      case ANSWER -> tokens || cacheHits || cacheRule ? null
          : name + " is measured on the answers Horde reads for tokens or cache hits, so it needs a request with"
              + " stream, llm, model or cache_hit";
      case TOKENS -> {
        // a streamed ws_await's messages are output tokens (WebSocket streams alone leave tokens false); it sends no prompt
        boolean input = name.startsWith("input_tokens");
        yield tokens || !input && streams && websockets ? null
            : name + " counts the tokens of answers, so it needs a request with stream, llm or model"
                + (input ? "" : ", or a ws_await with stream: tokens");
      }
      case PRICES -> !prices
          ? name + " is priced from llm.prices, so it needs prices, like llm: {prices: {gpt-4o-mini: {input: 0.15,"
              + " output: 0.60}}}"
          : tokens || cacheHits ? null
              : name + " is charged on the requests that track their answers, so it needs a request with stream,"
                  + " llm, model or cache_hit";
      case WEBSOCKET -> websockets ? null : name + " is measured on WebSockets, so it needs a ws step";
      case CACHE_RULE -> cacheHits || cacheRule ? null
          : name + " needs a cache-hit rule: cache_hit: {json: $.cached} or {header: X-Cache, equals: HIT}, on a"
              + " request or under llm";
    };
  }
}
