package horde.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request. Strings may hold {@code ${...}} templates: the path, header and query values,
 * the body.
 *
 * @param name the endpoint name requests are grouped under; null means the path as written
 *     (templates and all, so {@code /c/${id}} stays one endpoint), literal credentials in its query
 *     hidden
 * @param path relative to the scenario's target, or an absolute URL
 * @param timeout null means the scenario's default
 * @param expectStatus statuses that are not failures although they are 4xx/5xx (e.g. 429 in a
 *     rate-limit test); empty means only 1xx-3xx count as success
 * @param stream how to read a streamed answer, or null for a plain one
 * @param llm where the answer reports tokens, or null (a {@code stream: openai} implies OpenAI's)
 * @param model the price row this request is charged at, or null
 * @param cacheHit how this endpoint's answers mark a cache hit, or null for the scenario's rule
 */
public record Request(
    String method,
    String path,
    String name,
    Map<String, String> headers,
    Map<String, String> query,
    Body body,
    Duration timeout,
    List<Check> checks,
    Set<Integer> expectStatus,
    List<Extract> saves,
    StreamSpec stream,
    LlmSpec llm,
    String model,
    CacheHit cacheHit,
    SourcePosition position)
    implements Step {

  public static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!METHODS.contains(method)) throw new IllegalArgumentException("unknown method " + method);
    headers = Maps.ordered(headers);
    query = Maps.ordered(query);
    body = body == null ? Body.NONE : body;
    checks = List.copyOf(checks == null ? List.of() : checks);
    expectStatus = Set.copyOf(expectStatus == null ? Set.of() : expectStatus);
    saves = List.copyOf(saves == null ? List.of() : saves);
    if (llm == null && stream != null && stream.kind() == StreamSpec.Kind.OPENAI) llm = LlmSpec.OPENAI;
    position = position == null ? SourcePosition.UNKNOWN : position;
  }

  /** A request without streaming or LLM accounting. */
  public Request(String method, String path, String name, Map<String, String> headers, Map<String, String> query,
      Body body, Duration timeout, List<Check> checks, Set<Integer> expectStatus, List<Extract> saves,
      SourcePosition position) {
    this(method, path, name, headers, query, body, timeout, checks, expectStatus, saves, null, null, null, null, position);
  }

  /** Whether tokens, cost or cache hits are tracked for this request. */
  public boolean accounted() {
    return stream != null || llm != null || model != null || cacheHit != null;
  }

  /** A plain request with nothing but a method and a path. */
  public static Request of(String method, String path) {
    return new Request(method, path, null, null, null, null, null, null, null, null, null);
  }

  /** The endpoint name its metrics are grouped under: the path, unless named, minus literal keys. */
  public String endpointName() {
    return name != null ? name : UrlCredentials.hidden(path);
  }
}
