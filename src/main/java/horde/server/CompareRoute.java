package horde.server;

import horde.compare.CompareJson;
import horde.compare.Comparer;
import horde.compare.Comparison;
import horde.compare.KneeComparison;
import horde.compare.Measured;
import horde.compare.MeasuredRun;
import horde.compare.Tolerance;
import horde.history.Baseline;
import horde.history.RunHistory;
import horde.history.StoredRun;
import horde.report.CompareHtml;
import horde.report.CompareJunit;
import horde.result.RunResult;
import horde.stats.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/compare?run=42&baseline=prod-v1} (or {@code &against=41}): the comparison as
 * JSON, or with {@code &format=html} or {@code junit}. {@code run=latest} takes the newest run.
 */
final class CompareRoute {
  private final RunHistory history;

  CompareRoute(RunHistory history) {
    this.history = history;
  }

  void addTo(Router router) {
    router.add("GET", "/api/compare", this::compare);
  }

  private Response compare(Request r) throws ApiError {
    String runParam = r.param("run"), baselineName = r.param("baseline"), against = r.param("against");
    if (runParam == null) throw ApiError.badRequest("give run=ID (or latest)");
    if ((baselineName == null) == (against == null)) throw ApiError.badRequest("give baseline=NAME or against=ID");
    long id = runParam.equals("latest") ? history.latest().orElseThrow(() -> ApiError.notFound("the history has no runs"))
        : Request.id("run", runParam);
    StoredRun candidate = history.run(id).orElseThrow(() -> ApiError.notFound("no run " + id));
    String label;
    List<StoredRun> base;
    if (baselineName != null) {
      String name = BaselineRoutes.check(baselineName);
      Baseline b = history.baseline(name).orElseThrow(() -> ApiError.notFound("no baseline " + name));
      label = "baseline " + name;
      base = history.runsOf(b);
    } else {
      long other = Request.id("against", against);
      base = List.of(history.run(other).orElseThrow(() -> ApiError.notFound("no run " + other)));
      label = "run " + other;
    }
    List<MeasuredRun> measured = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    for (StoredRun s : base) {
      RunResult res = s.result();
      results.add(res);
      measured.add(Measured.of(res, "run " + s.summary().id()));
    }
    RunResult cand = candidate.result();
    if (cand.search() != null || results.stream().anyMatch(res -> res.search() != null)) return knees(r, label, results, id, cand);
    Tolerance t = Tolerance.DEFAULTS.with(Settings.of(cand.settings()).compare());
    Comparison c = Comparer.compare(label, measured, Measured.of(cand, "run " + id), t);
    String format = r.param("format");
    if (format == null || format.equals("json")) return Response.json(200, CompareJson.of(c));
    if (format.equals("html")) return Response.text("text/html; charset=utf-8", CompareHtml.of(c, results, cand));
    if (format.equals("junit")) return Response.text("application/xml; charset=utf-8", CompareJunit.of(c, false));
    throw ApiError.badRequest("format is json, html or junit");
  }

  /** Capacity searches, compared by their knees (horde compare's rule): JSON, or the console's lines as a page. */
  private static Response knees(Request r, String label, List<RunResult> base, long id, RunResult cand) throws ApiError {
    if (cand.search() == null || base.stream().anyMatch(res -> res.search() == null))
      throw ApiError.badRequest("a capacity search compares only with another search (by its knee)");
    KneeComparison k;
    try {
      k = KneeComparison.of(label, base.stream().map(RunResult::search).toList(), "run " + id, cand.search());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    String format = r.param("format");
    if (format == null || format.equals("json")) return Response.json(200, k.tree());
    if (format.equals("html")) return Response.text("text/html; charset=utf-8", CompareHtml.of(k));
    throw ApiError.badRequest("capacity searches compare as json or html");
  }
}
