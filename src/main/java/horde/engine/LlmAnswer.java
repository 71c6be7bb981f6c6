package horde.engine;

import horde.plan.LlmPlan;
import horde.plan.RequestPlan;
import horde.plan.ResponseView;
import horde.plan.Tokenizer;
import horde.protocol.sse.SseParser;
import horde.record.LoopRecorder;
import horde.scenario.Measures;
import horde.scenario.CacheHit;
import horde.scenario.StreamSpec;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * One LLM answer as it arrives: stream events timed on the event loop (time to first token, the
 * gap before each next one), usage read from the answer or counted from its text, then tokens,
 * token rate, cost and cache hit recorded when it completes. Reused for each of a user's requests.
 */
final class LlmAnswer implements SseParser.Listener {
  private final SseParser parser = new SseParser();
  private final StringBuilder answer = new StringBuilder();
  private final LoopRecorder recorder;
  private final PromptTokens prompts;
  private final Tokenizer tokenizer;
  private RequestPlan request;
  private LlmPlan plan;
  private int endpoint;
  private long start;
  private long firstToken;
  private long lastToken;
  long lastEvent;
  private int tokenEvents;
  private boolean terminated;
  private String error;
  private long usageIn;
  private long usageOut;
  private Boolean cached;

  LlmAnswer(LoopRecorder recorder, PromptTokens prompts) {
    this.recorder = recorder;
    this.prompts = prompts;
    this.tokenizer = prompts.tokenizer;
  }

  /**
   * @param r a request with an LLM plan
   * @param start when the request counts as started (its intended start in the open model)
   */
  void begin(RequestPlan r, long start) {
    this.request = r;
    this.plan = r.llm();
    this.endpoint = r.endpoint();
    this.start = start;
    firstToken = lastToken = 0;
    tokenEvents = 0;
    terminated = false;
    error = null;
    usageIn = usageOut = -1;
    cached = null;
    answer.setLength(0);
    parser.reset();
  }

  void head(long nanos) {
    lastEvent = nanos;
    recorder.time(Measures.TTFB, endpoint, nanos - start);
    if (streaming()) recorder.count(Measures.STREAMS, endpoint, 1); // a stream cut short is a stream too
  }

  boolean streaming() {
    return plan != null && plan.streaming();
  }

  boolean started() {
    return tokenEvents > 0;
  }

  void content(ByteBuf piece, long nanos) {
    if (!streaming()) return;
    if (plan.stream().kind() == StreamSpec.Kind.CHUNKED) onEvent("message", piece.toString(StandardCharsets.UTF_8), nanos);
    else parser.feed(piece, nanos, this);
  }

  @Override
  public void onEvent(String event, String data, long nanos) {
    lastEvent = nanos;
    StreamSpec s = plan.stream();
    if (s.terminator() != null && data.strip().equals(s.terminator())) {
      terminated = true;
      return;
    }
    if (event.equals("error")) {
      error = data;
      return;
    }
    if (s.event() != null && !s.event().equals(event)) return;
    JsonNode json = plan.content() != null || plan.outputTokens() != null ? Json.parse(data) : null;
    if (json != null) read(json);
    if (json != null && json.has("error")) {
      error = json.get("error").toString();
      return;
    }
    String token = plan.content() == null ? data : Json.text(json == null ? null : plan.content().find(json));
    if (token == null || token.isEmpty()) return;
    tokenEvents++;
    recorder.count(Measures.TOKEN_EVENTS, endpoint, 1);
    answer.append(token);
    if (firstToken == 0) {
      firstToken = nanos;
      recorder.time(Measures.TTFT, endpoint, nanos - start);
    } else {
      recorder.time(Measures.ITL, endpoint, nanos - lastToken);
    }
    lastToken = nanos;
  }

  /** Usage and the cache mark, wherever they appear (OpenAI puts usage in the last chunk). */
  private void read(JsonNode json) {
    if (plan.inputTokens() != null) usageIn = Json.count(plan.inputTokens().find(json), usageIn);
    if (plan.outputTokens() != null) usageOut = Json.count(plan.outputTokens().find(json), usageOut);
    if (plan.cacheField() != null) {
      JsonNode mark = plan.cacheField().find(json);
      if (mark != null) cached = matches(mark.isValueNode() ? mark.asString() : mark.toString());
    }
  }

  /**
   * Records the answer's tokens, rate, cost and cache hit; returns the failure reason of a stream
   * that reported an error or ended without its terminator, else -1.
   */
  int finish(ResponseView response, long latencyNanos, CharSequence requestBody) {
    if (!streaming() && response.json() != null) {
      read(response.json());
      String text = plan.answer() == null ? null : Json.text(plan.answer().find(response.json()));
      if (text != null) answer.append(text);
    }
    if (plan.cacheHit() != null && plan.cacheHit().source() == CacheHit.Source.HEADER) {
      String h = response.header(plan.cacheHit().expression());
      cached = h == null ? (plan.cacheHit().equals() == null ? Boolean.FALSE : null) : matches(h);
    }
    account(latencyNanos, requestBody);
    if (!streaming()) return -1;
    if (error != null) return plan.error();
    if (plan.stream().terminator() != null && !terminated) return plan.incomplete();
    return -1;
  }

  private void account(long latencyNanos, CharSequence requestBody) {
    if (cached != null) {
      recorder.count(Measures.CACHE_LOOKUPS, endpoint, 1);
      if (cached) recorder.count(Measures.CACHE_HITS, endpoint, 1);
    }
    boolean tokens = streaming() || plan.outputTokens() != null || plan.answer() != null || plan.price() != null;
    if (!tokens) return;
    long in = usageIn >= 0 ? usageIn : prompts.of(request, requestBody);
    long out = usageOut >= 0 ? usageOut : eventsAreTokens() ? tokenEvents : answer.isEmpty() ? 0 : tokenizer.count(answer.toString());
    recorder.count(Measures.INPUT_TOKENS, endpoint, in);
    recorder.count(Measures.OUTPUT_TOKENS, endpoint, out);
    if (streaming() && out > 1 && lastToken > firstToken) recorder.time(Measures.TPOT, endpoint, (lastToken - firstToken) / (out - 1));
    if (out > 0 && latencyNanos > 0) recorder.rate(Measures.TOKENS_PER_S, endpoint, out / (latencyNanos / 1e9));
    long cachedIn = Boolean.TRUE.equals(cached) ? in : 0;
    recorder.count(Measures.CACHED_INPUT_TOKENS, endpoint, cachedIn);
    if (plan.price() == null) return;
    recorder.count(Measures.COST, endpoint, Math.round(plan.price().of(in, out, cachedIn) * 1e9));
    recorder.count(Measures.PRICED_REQUESTS, endpoint, 1);
    recorder.count(Measures.COST_SAVED, endpoint, Math.round(plan.price().saved(cachedIn) * 1e9));
  }

  /** A stream whose events carry bare text (no JSON to dig into) sends a token an event. */
  private boolean eventsAreTokens() {
    return streaming() && plan.content() == null;
  }

  private boolean matches(String value) {
    String want = plan.cacheHit().equals();
    return want == null ? !(value.equals("false") || value.equals("0") || value.isEmpty() || value.equals("null")) : want.equals(value);
  }
}
