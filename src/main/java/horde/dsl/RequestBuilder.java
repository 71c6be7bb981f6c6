package horde.dsl;

import horde.scenario.Body;
import horde.scenario.CacheHit;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.LlmSpec;
import horde.scenario.Request;
import horde.scenario.StreamSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP request, as {@code - post: /path} with its keys in a scenario file. Start one with
 * {@link Dsl#get}, {@link Dsl#post} and the other methods.
 *
 * <pre>{@code
 * post("/api/conversations/${conversation_id}/messages")
 *     .name("/api/conversations/[id]/messages")
 *     .header("X-Request-Id", "${uuid}")
 *     .json("""
 *         {"text": "${questions.text}", "model": "${model}"}""")
 *     .timeout("60s")
 *     .check(status(200), jsonPath("$.answer").present())
 *     .save("message_id", "$.id");
 * }</pre>
 *
 * Strings may hold {@code ${...}} templates where the format allows them: the path, header and
 * query values, the body.
 */
public final class RequestBuilder implements StepBuilder {
  private final String method;
  private final String path;
  private String name;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, String> query = new LinkedHashMap<>();
  private Body body = Body.NONE;
  private Duration timeout;
  private final List<Check> checks = new ArrayList<>();
  private final Set<Integer> expectStatus = new LinkedHashSet<>();
  private final List<Extract> saves = new ArrayList<>();
  private StreamSpec stream;
  private LlmSpec llm;
  private String model;
  private CacheHit cacheHit;

  RequestBuilder(String method, String path) {
    this.method = method;
    this.path = path.strip();
  }

  /** The endpoint its metrics are grouped under, e.g. {@code /api/conversations/[id]}. */
  public RequestBuilder name(String endpointName) {
    this.name = endpointName;
    return this;
  }

  /** Adds a header (over the scenario's default headers). */
  public RequestBuilder header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Adds a query parameter. */
  public RequestBuilder query(String name, String value) {
    query.put(name, value);
    return this;
  }

  /** A JSON body written as JSON text; {@code ${...}} templates may stand inside strings. */
  public RequestBuilder json(String jsonText) {
    return body(new Body.Json(JsonValues.parse(jsonText)));
  }

  /** A JSON body given as a tree: maps (objects, in their iteration order), lists and scalars. */
  public RequestBuilder json(Map<String, ?> tree) {
    return body(new Body.Json(JsonValues.tree(tree)));
  }

  /** A JSON array body. */
  public RequestBuilder json(List<?> tree) {
    return body(new Body.Json(JsonValues.tree(tree)));
  }

  /** A body sent as written (after templates), as {@code text/plain}. */
  public RequestBuilder body(String text) {
    return body(text, "text/plain");
  }

  public RequestBuilder body(String text, String contentType) {
    return body(new Body.Raw(text, contentType));
  }

  /** Adds an {@code application/x-www-form-urlencoded} field. */
  public RequestBuilder form(String name, String value) {
    Map<String, String> fields =
        new LinkedHashMap<>(body instanceof Body.Form f ? f.fields() : Map.of());
    if (!(body instanceof Body.Form) && !(body instanceof Body.None)) throw twoBodies();
    fields.put(name, value);
    body = new Body.Form(fields);
    return this;
  }

  private RequestBuilder body(Body b) {
    if (!(body instanceof Body.None)) throw twoBodies();
    body = b;
    return this;
  }

  private static IllegalArgumentException twoBodies() {
    return new IllegalArgumentException("a request has one body: json, body or form");
  }

  public RequestBuilder timeout(Duration d) {
    timeout = Times.positive(d, "timeout");
    return this;
  }

  /** {@code "60s"}, {@code "1m"}. */
  public RequestBuilder timeout(String duration) {
    return timeout(Times.parse(duration, "timeout"));
  }

  /** Conditions on the response, from {@link Dsl#status}, {@link Dsl#jsonPath} and the like. */
  public RequestBuilder check(Check... conditions) {
    checks.addAll(Arrays.asList(conditions));
    return this;
  }

  /** Statuses that are not failures although they are 4xx or 5xx (a 429 in a rate-limit test). */
  public RequestBuilder expectStatus(int... statuses) {
    for (int s : statuses) expectStatus.add(s);
    return this;
  }

  /** Saves a value found by a JSONPath ({@code $.id}) into the user's variable {@code name}. */
  public RequestBuilder save(String variable, String jsonPath) {
    return save(variable, Extract.Source.JSON, jsonPath);
  }

  /** Saves a response header's value. */
  public RequestBuilder saveHeader(String variable, String header) {
    return save(variable, Extract.Source.HEADER, header);
  }

  /** Saves a regular expression's first group (or whole match) over the body. */
  public RequestBuilder saveRegex(String variable, String regex) {
    return save(variable, Extract.Source.REGEX, regex);
  }

  /** Saves the value of the cookie of this name that the answer sets ({@code save: {v: {cookie: NAME}}}). */
  public RequestBuilder saveCookie(String variable, String cookie) {
    return save(variable, Extract.Source.COOKIE, cookie);
  }

  private RequestBuilder save(String variable, Extract.Source source, String expression) {
    saves.add(new Extract(variable, source, expression, null));
    return this;
  }

  /**
   * Reads the answer as a stream, timing each token: {@code stream(openai())}, {@code
   * stream(sse().content("$.text"))}. It does not ask for one: an OpenAI body says {@code "stream":
   * true}.
   */
  public RequestBuilder stream(StreamBuilder how) {
    stream = how.build();
    return this;
  }

  /** Where the answer reports tokens: {@code llm(openaiUsage())}, {@code llm(usage()...)}. */
  public RequestBuilder llm(UsageBuilder where) {
    llm = where.build();
    return this;
  }

  /** The price row this request is charged at (a model under the scenario's prices). */
  public RequestBuilder model(String priceRow) {
    if (priceRow == null || priceRow.isBlank())
      throw new IllegalArgumentException(
          "model: expected the name of a price row, like gpt-4o-mini");
    if (priceRow.contains("${"))
      throw new IllegalArgumentException(
          "model: names a price row as written; templates are not expanded here");
    model = priceRow;
    return this;
  }

  /** How this request's answers mark a cache hit: {@link Dsl#cacheHitJson}, or a header. */
  public RequestBuilder cacheHit(CacheHit rule) {
    cacheHit = rule;
    return this;
  }

  /** The name its one-request task gets: its endpoint name, or {@code GET /path}. */
  String taskName() {
    return name != null ? name : method + " " + path;
  }

  @Override
  public Request build() {
    return new Request(
        method, path, name, headers, query, body, timeout, checks, expectStatus, saves, stream, llm,
        model, cacheHit, null);
  }
}
