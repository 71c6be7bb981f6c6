package horde.history;

import horde.result.ResultJson;
import horde.result.ResultReader;
import horde.result.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The run history: every run with its result, tags and summary; baselines; retention. Backed by
 * a SQLite file or a PostgreSQL database ({@link Location}); safe to use from several threads and
 * processes at once.
 *
 * <pre>{@code
 * RunHistory history = RunHistory.open(Location.resolve(null, System.getenv()));
 * long id = history.record(result, null, Map.of("commit", "abc123"));
 * history.setBaseline("prod-v1", List.of(id), "");
 * }</pre>
 */
public final class RunHistory {
  private final Database db;
  private final String host;

  private RunHistory(Database db) {
    this.db = db;
    this.host = Host.name();
  }

  /** Opens the database, creating it or bringing its schema up to date; throws {@link HistoryException}. */
  public static RunHistory open(Location location) {
    return new RunHistory(Database.open(location));
  }

  public Location location() {
    return db.location();
  }

  /**
   * Records a run.
   *
   * @param scenarioText the scenario file's text (literal secrets are blanked before it is stored),
   *     or null
   * @return the run's id
   */
  public long record(RunResult result, String scenarioText, Map<String, String> tags) {
    return store(result, ResultJson.compact(result), scenarioText, tags);
  }

  /** Records a result file's content as it is (an upload); throws {@link IllegalArgumentException} when it is not one. */
  public long record(JsonNode resultFile, Map<String, String> tags) {
    if (!resultFile.isObject() || !resultFile.has("horde_version") || !resultFile.has("histograms"))
      throw new IllegalArgumentException("not a Horde result file (no horde_version or histograms)");
    RunResult result;
    try {
      result = ResultReader.fromJson(resultFile);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a readable Horde result file: " + e.getMessage(), e);
    }
    return store(result, resultFile.toString(), null, tags);
  }

  private long store(RunResult result, String json, String scenarioText, Map<String, String> tags) {
    Map<String, String> checked = Tags.check(Map.copyOf(tags));
    String text = ScenarioText.redacted(scenarioText);
    return db.transaction("cannot record the run in", c -> RunTable.insert(c, result, json, text, checked, host));
  }

  public Page<RunSummary> runs(RunQuery query) {
    return db.transaction("cannot list the runs of", c -> RunTable.list(c, query));
  }

  public Optional<StoredRun> run(long id) {
    return Optional.ofNullable(db.transaction("cannot read run " + id + " from", c -> RunTable.find(c, id)));
  }

  /** The newest run's id, empty when the history is empty. */
  public OptionalLong latest() {
    List<RunSummary> one = runs(RunQuery.latest(1)).items();
    return one.isEmpty() ? OptionalLong.empty() : OptionalLong.of(one.get(0).id());
  }

  /** Deletes what the retention says (or, with {@code dryRun}, only names it); returns the ids. */
  public List<Long> prune(Retention retention, boolean dryRun) {
    return db.transaction("cannot prune", c -> {
      List<Long> ids = retention.victims(c, System.currentTimeMillis());
      if (!dryRun) Retention.delete(c, ids);
      return ids;
    });
  }

  public Baseline setBaseline(String name, List<Long> runs, String description) {
    return db.transaction("cannot set baseline " + name + " in", c -> BaselineTable.set(c, name, runs, description));
  }

  public List<Baseline> baselines() {
    return db.transaction("cannot list the baselines of", c -> BaselineTable.list(c, null));
  }

  public Optional<Baseline> baseline(String name) {
    Baseline.checkName(name);
    return db.transaction("cannot read baseline " + name + " from", c -> BaselineTable.list(c, name)).stream().findFirst();
  }

  /** The baseline's runs in full, in its order. */
  public List<StoredRun> runsOf(Baseline baseline) {
    return baseline.runs().stream().map(id -> run(id).orElseThrow(() -> new HistoryException("baseline " + baseline.name()
        + " names run " + id + ", which is not in the history"))).toList();
  }

  public boolean deleteBaseline(String name) {
    Baseline.checkName(name);
    return db.transaction("cannot delete baseline " + name + " from", c -> BaselineTable.delete(c, name));
  }
}
