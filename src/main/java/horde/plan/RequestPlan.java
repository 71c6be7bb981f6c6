package horde.plan;

import horde.template.BoundTemplate;
import java.util.List;

/**
 * A request ready to send: endpoint id resolved, templates bound, checks compiled.
 *
 * @param url the path (joined to the target's base path when it renders relative) or an absolute
 *     URL
 * @param headers every header but Host and Content-Length, defaults and content type included
 * @param body null when the request has none
 * @param success by status 0-599: whether that status counts as success before checks
 * @param timeoutNanos whole-exchange timeout
 * @param llm streaming, token, cost and cache-hit tracking, or null
 * @param id numbers the plan's requests from 0, for caches kept per request
 * @param needsBody whether the body must be kept (checks or saves read it); otherwise it is only
 *     counted. Decided when planned: asked on every send
 * @param constant whether every part renders the same every time (so its bytes can be made once)
 */
public record RequestPlan(
    int endpoint,
    String method,
    BoundTemplate url,
    List<HeaderPlan> query,
    List<HeaderPlan> headers,
    BoundTemplate body,
    long timeoutNanos,
    List<CheckPlan> checks,
    List<ExtractPlan> saves,
    boolean[] success,
    LlmPlan llm,
    int id,
    boolean needsBody,
    boolean constant)
    implements StepPlan {

  public RequestPlan {
    query = List.copyOf(query);
    headers = List.copyOf(headers);
    checks = List.copyOf(checks);
    saves = List.copyOf(saves);
  }

  /** A request, with what it needs decided from its parts. */
  public static RequestPlan of(int endpoint, String method, BoundTemplate url, List<HeaderPlan> query,
      List<HeaderPlan> headers, BoundTemplate body, long timeoutNanos, List<CheckPlan> checks, List<ExtractPlan> saves,
      boolean[] success, LlmPlan llm, int id) {
    boolean needsBody = checks.stream().anyMatch(CheckPlan::needsBody) || saves.stream().anyMatch(ExtractPlan::needsBody)
        || (llm != null && llm.needsBody());
    boolean constant = url.constant() != null && (body == null || body.constant() != null)
        && query.stream().allMatch(q -> q.value().constant() != null)
        && headers.stream().allMatch(h -> h.value().constant() != null);
    return new RequestPlan(endpoint, method, url, query, headers, body, timeoutNanos, checks, saves, success, llm, id,
        needsBody, constant);
  }

  public boolean isSuccess(int status) {
    return status >= 0 && status < success.length && success[status];
  }
}
