package horde.plan;

import horde.scenario.Check;
import horde.scenario.Extract;
import horde.template.BoundTemplate;
import java.util.ArrayList;
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
 * @param constantHead whether the request line and headers render the same every time (so their
 *     bytes can be made once, and only a body rendered for each request)
 */
public record RequestPlan(
    int endpoint,
    String method,
    BoundTemplate url,
    List<ParamPlan> query,
    List<ParamPlan> headers,
    BoundTemplate body,
    long timeoutNanos,
    List<CheckPlan> checks,
    List<ExtractPlan> saves,
    boolean[] success,
    LlmPlan llm,
    int id,
    boolean needsBody,
    boolean constantHead)
    implements StepPlan {

  public RequestPlan {
    query = List.copyOf(query);
    headers = List.copyOf(headers);
    checks = List.copyOf(checks);
    saves = List.copyOf(saves);
  }

  /** A request, with what it needs decided from its parts. */
  public static RequestPlan of(int endpoint, String method, BoundTemplate url, List<ParamPlan> query,
      List<ParamPlan> headers, BoundTemplate body, long timeoutNanos, List<CheckPlan> checks, List<ExtractPlan> saves,
      boolean[] success, LlmPlan llm, int id) {
    JsonPicks picks = picks(checks, saves);
    if (picks != null) {
      int next = 0;
      List<CheckPlan> picking = new ArrayList<>();
      for (CheckPlan c : checks) picking.add(c.check() instanceof Check.JsonField ? c.picking(picks, picks.slot(next++)) : c);
      List<ExtractPlan> saving = new ArrayList<>();
      for (ExtractPlan e : saves) saving.add(e.extract().source() == Extract.Source.JSON ? e.picking(picks, picks.slot(next++)) : e);
      checks = picking;
      saves = saving;
    }
    boolean needsBody = checks.stream().anyMatch(CheckPlan::needsBody) || saves.stream().anyMatch(ExtractPlan::needsBody)
        || (llm != null && llm.needsBody());
    boolean constantHead = url.constant() != null && query.stream().allMatch(q -> q.value().constant() != null)
        && headers.stream().allMatch(h -> h.value().constant() != null);
    return new RequestPlan(endpoint, method, url, query, headers, body, timeoutNanos, checks, saves, success, llm, id,
        needsBody, constantHead);
  }

  /** Whether every part renders the same every time (so its bytes can be made once). */
  public boolean constant() {
    return constantHead && (body == null || body.constant() != null);
  }

  /** The JSON paths of the checks, then of the saves, read in one pass; null when they cannot be. */
  private static JsonPicks picks(List<CheckPlan> checks, List<ExtractPlan> saves) {
    List<JsonPath> paths = new ArrayList<>();
    List<Boolean> reads = new ArrayList<>();
    for (CheckPlan c : checks) {
      if (!(c.check() instanceof Check.JsonField)) continue;
      if (c.path() == null) return null; // it did not compile: the plan is refused anyway
      paths.add(c.path());
      reads.add(c.readsValue());
    }
    for (ExtractPlan e : saves) {
      if (e.extract().source() != Extract.Source.JSON) continue;
      if (e.path() == null) return null;
      paths.add(e.path());
      reads.add(true);
    }
    boolean[] needsValue = new boolean[reads.size()];
    for (int i = 0; i < needsValue.length; i++) needsValue[i] = reads.get(i);
    return JsonPicks.of(paths, needsValue);
  }

  public boolean isSuccess(int status) {
    return status >= 0 && status < success.length && success[status];
  }
}
