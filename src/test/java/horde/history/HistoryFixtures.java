package horde.history;

import horde.report.SampleResults;
import horde.result.ResultJson;
import tools.jackson.databind.node.ObjectNode;

/** Result files for the history's tests: the sample run under another name and start. */
final class HistoryFixtures {
  private HistoryFixtures() {}

  static ObjectNode result(String scenario, String startedAt) {
    ObjectNode root = ResultJson.toJson(SampleResults.small());
    ((ObjectNode) root.path("scenario")).put("name", scenario);
    root.put("started_at", startedAt);
    return root;
  }
}
