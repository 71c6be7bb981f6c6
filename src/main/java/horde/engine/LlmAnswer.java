package horde.engine;

import horde.plan.AnswerPicks;
import horde.plan.LlmPlan;
import horde.plan.Picked;
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
  /** What a stream event's JSON was read for, from its bytes. */
  private final Picked picked = new Picked();
  /** A chunked stream's piece, as bytes: each piece is one event. */
  private byte[] chunk = new byte[256];
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
  /** The stream reported an error: an {@code error} event, or a JSON event with an {@code error} member. */
  private boolean reportedError;
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
    reportedError = false;
    usageIn = usageOut = -1;
    cached = null;
    answer.setLength(0);
    parser.reset();
    if (chunk.length > 64 << 10) chunk = new byte[256];
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
    if (plan.stream().kind() != StreamSpec.Kind.CHUNKED) {
      parser.feed(piece, nanos, this);
      return;
    }
    int n = piece.readableBytes();
    if (chunk.length < n) chunk = new byte[Math.max(n, chunk.length * 2)];
    piece.getBytes(piece.readerIndex(), chunk, 0, n);
    onEvent("message", chunk, n, nanos);
  }

  @Override
  public void onEvent(String event, byte[] data, int length, long nanos) {
    lastEvent = nanos;
    StreamSpec s = plan.stream();
    if (s.terminator() != null && isTerminator(data, length, s.terminator())) {
      terminated = true;
      return;
    }
    if (event.equals("error")) {
      reportedError = true;
      return;
    }
    if (s.event() != null && !s.event().equals(event)) return;
    // without a path to the token text, each event with data is a token, and its text is not kept
    boolean token = plan.content() == null && plan.outputTokens() == null ? length > 0 : readJson(data, length);
    if (!token) return;
    tokenEvents++;
    recorder.count(Measures.TOKEN_EVENTS, endpoint, 1);
    if (firstToken == 0) {
      firstToken = nanos;
      recorder.time(Measures.TTFT, endpoint, nanos - start);
    } else {
      recorder.time(Measures.ITL, endpoint, nanos - lastToken);
    }
    lastToken = nanos;
  }

  /**
   * Reads a JSON event's usage and cache mark, and keeps its token text; false when it has no token
   * or reports an error. Picked from the bytes when the plan's paths allow, else from a tree.
   */
  private boolean readJson(byte[] data, int length) {
    AnswerPicks e = plan.events();
    if (e != null && picked.read(e.picks, data, length)) return readPicked(e, length);
    JsonNode json = Json.parse(text(data, length));
    if (json != null) read(json);
    if (json != null && json.has("error")) {
      reportedError = true;
      return false;
    }
    if (plan.content() == null) return length > 0;
    String token = Json.text(json == null ? null : plan.content().find(json));
    if (token == null || token.isEmpty()) return false;
    answer.append(token);
    return true;
  }

  /** As {@link #readJson} on a tree, from what was picked. */
  private boolean readPicked(AnswerPicks e, int length) {
    read(picked, e);
    if (picked.has(e.error)) {
      reportedError = true;
      return false;
    }
    return plan.content() == null ? length > 0 : picked.appendText(e.content, answer);
  }

  private static String text(byte[] data, int length) {
    return new String(data, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * Whether the data, stripped of white space, is the terminator: compared in place when the
   * terminator is ASCII ({@code [DONE]}) and the data's ends are too, else as strings.
   */
  private static boolean isTerminator(byte[] data, int length, String terminator) {
    int from = 0, to = length;
    while (from < to && asciiSpace(data[from])) from++;
    while (to > from && asciiSpace(data[to - 1])) to--;
    boolean inPlace = from == to || (data[from] >= 0 && data[to - 1] >= 0);
    for (int i = 0; i < terminator.length() && inPlace; i++) inPlace = terminator.charAt(i) < 0x80;
    if (!inPlace) return text(data, length).strip().equals(terminator);
    if (to - from != terminator.length()) return false;
    for (int i = from; i < to; i++) if (data[i] != terminator.charAt(i - from)) return false;
    return true;
  }

  /** {@link Character#isWhitespace} of an ASCII byte, as {@link String#strip} reads it. */
  private static boolean asciiSpace(byte b) {
    return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
  }

  /** An answer that arrived whole: its usage, cache mark and text, picked when its paths allow. */
  private void readWhole(ResponseView response) {
    AnswerPicks w = plan.whole();
    Picked p = w == null ? null : response.picked(w.picks);
    if (p != null) {
      read(p, w);
      if (w.content >= 0) p.appendText(w.content, answer);
      return;
    }
    JsonNode json = response.json();
    if (json == null) return;
    read(json);
    String text = plan.answer() == null ? null : Json.text(plan.answer().find(json));
    if (text != null) answer.append(text);
  }

  /** As {@link #read(JsonNode)}, from what was picked. */
  private void read(Picked p, AnswerPicks e) {
    if (e.inputTokens >= 0) usageIn = p.integer(e.inputTokens, usageIn);
    if (e.outputTokens >= 0) usageOut = p.integer(e.outputTokens, usageOut);
    if (e.cacheField >= 0 && p.has(e.cacheField)) {
      cached = matches(p.isNull(e.cacheField) ? "" : p.text(e.cacheField)); // a tree's null reads ""
    }
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
    if (!streaming()) readWhole(response);
    if (plan.cacheHit() != null && plan.cacheHit().source() == CacheHit.Source.HEADER) {
      String h = response.header(plan.cacheHit().expression());
      cached = h == null ? (plan.cacheHit().equals() == null ? Boolean.FALSE : null) : matches(h);
    }
    account(latencyNanos, requestBody);
    if (!streaming()) return -1;
    if (reportedError) return plan.error();
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
