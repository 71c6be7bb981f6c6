package horde.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a scenario measures, which decides the thresholds it can hold: one on a figure none of its
 * requests produce ({@code ttft_p95} without a stream, {@code cost} without prices) would only
 * learn after the whole run that it has no data, so this says so before.
 *
 * @param streams a request reads a streamed answer
 * @param tokens a request counts tokens ({@code stream}, {@code llm} or {@code model})
 * @param cacheHits a request has its own cache-hit rule
 * @param cacheRule the scenario has a cache-hit rule for every answer
 * @param prices the scenario prices tokens or requests
 */
public record Measures(boolean streams, boolean tokens, boolean cacheHits, boolean cacheRule, boolean prices) {

  public static Measures of(Scenario s) {
    List<Request> requests = new ArrayList<>();
    s.visitSteps(step -> {
      if (step instanceof Request r) requests.add(r);
    });
    return new Measures(
        requests.stream().anyMatch(r -> r.stream() != null),
        requests.stream().anyMatch(r -> r.stream() != null || r.llm() != null || r.model() != null),
        requests.stream().anyMatch(r -> r.cacheHit() != null),
        s.llm().cacheHit() != null,
        !s.llm().prices().isEmpty());
  }

  /**
   * Every threshold and grade condition of a scenario (its phases' included) that names an unknown
   * endpoint or a figure it does not measure, each with the reason.
   */
  public static List<String> problems(Scenario s) {
    Measures measures = of(s);
    Set<String> endpoints = s.endpointNames();
    List<String> out = new ArrayList<>();
    conditions(s).forEach(t -> {
      String why = t.endpoint() != null && !endpoints.contains(t.endpoint())
          ? unknownEndpoint(t.endpoint(), endpoints)
          : measures.need(t.metric());
      if (why != null) out.add("'" + t.expression() + "': " + why);
    });
    return out;
  }

  private static Stream<Threshold> conditions(Scenario s) {
    Stream<Threshold> own = Stream.concat(s.thresholds().stream(), s.grades().stream().map(Grade::condition));
    Stream<Threshold> phases = s.phases().stream()
        .flatMap(p -> Stream.concat(p.thresholds().stream(), p.grades().stream().map(Grade::condition)));
    return Stream.concat(own, phases).filter(t -> t != null);
  }

  /** Why {@code name} is no endpoint of a scenario whose endpoints are {@code known}. */
  public static String unknownEndpoint(String name, Set<String> known) {
    String close = Suggest.didYouMean(name, known);
    return "endpoint: '" + name + "' is not the name of a request or task" + close
        + (close.isEmpty() && !known.isEmpty() ? "; known: " + String.join(", ", known) : "");
  }

  /** What a threshold on {@code m} lacks in this scenario, or null. */
  public String need(ThresholdMetric m) {
    String name = m.key;
    if (m.measure != null) {
      return switch (m.measure) {
        case TTFT, ITL, TPOT -> streams ? null
            : name + " is measured on streamed answers, so it needs a request with stream: openai, sse or chunked";
        case TTFB -> tokens || cacheHits || cacheRule ? null
            : name + " is measured on the answers Horde reads for tokens or cache hits, so it needs a request with"
                + " stream, llm, model or cache_hit";
        case TOKENS_PER_S -> tokens(name);
        case LATENCY -> null;
      };
    }
    return switch (m) {
      case INPUT_TOKENS, OUTPUT_TOKENS, OUTPUT_TOKENS_PER_S -> tokens(name);
      case COST, COST_PER_REQUEST -> !prices
          ? name + " is priced from llm.prices, so it needs prices, like llm: {prices: {gpt-4o-mini: {input: 0.15,"
              + " output: 0.60}}}"
          : tokens || cacheHits ? null
              : name + " is charged on the requests that track their answers, so it needs a request with stream,"
                  + " llm, model or cache_hit";
      case CACHE_HIT_RATE -> cacheHits || cacheRule ? null
          : name + " needs a cache-hit rule: cache_hit: {json: $.cached} or {header: X-Cache, equals: HIT}, on a"
              + " request or under llm";
      default -> null;
    };
  }

  private String tokens(String name) {
    return tokens ? null : name + " counts the tokens of answers, so it needs a request with stream, llm or model";
  }
}
