package horde.history;

import horde.criteria.Verdict;
import horde.report.SampleResults;
import horde.result.ResultJson;
import horde.result.RunResult;
import horde.result.SearchSummary;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Result files for the history's tests: the sample run under another name and start. */
public final class HistoryFixtures {
  private HistoryFixtures() {}

  /**
   * The sample run as a search of users: levels {@code passed} met every criterion, {@code failed}
   * did not (the knee is the highest passing one).
   */
  public static RunResult search(List<Integer> passed, List<Integer> failed) {
    List<SearchSummary.Step> steps = new ArrayList<>();
    for (int level : passed) steps.add(step(level, true));
    for (int level : failed) steps.add(step(level, false));
    double knee = passed.stream().mapToInt(Integer::intValue).max().orElse(-1);
    SearchSummary search = new SearchSummary("users", 1, 32, steps, knee < 0 ? Double.NaN : knee,
        failed.isEmpty() ? null : "error_rate < 1%", 0, Verdict.PASS, "knee at " + knee + " users");
    return SampleResults.small().toBuilder().search(search).build();
  }

  private static SearchSummary.Step step(int level, boolean passed) {
    return new SearchSummary.Step(level, level + " users", passed, !passed, 5, 4.0 * level, 200, 210, 220, passed ? 0 : 30,
        Double.NaN, 0);
  }

  public static ObjectNode result(String scenario, String startedAt) {
    ObjectNode root = ResultJson.toJson(SampleResults.small());
    ((ObjectNode) root.path("scenario")).put("name", scenario);
    root.put("started_at", startedAt);
    return root;
  }
}
