package horde.history;

import horde.result.ResultReader;
import horde.result.RunResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded run in full: its summary, the scenario as it was run, and the whole result file.
 *
 * @param scenarioText the scenario file's text with literal secrets blanked ({@link ScenarioText}),
 *     or null when the run came without one (the Java API, an uploaded result)
 * @param resultJson the result file exactly as written at the end of the run
 */
public record StoredRun(RunSummary summary, String scenarioText, String resultJson) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  public JsonNode resultTree() {
    return MAPPER.readTree(resultJson);
  }

  /** The result, histograms and all, as {@link ResultReader} reads a result file. */
  public RunResult result() {
    return ResultReader.fromJson(resultTree());
  }
}
