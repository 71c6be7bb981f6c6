package horde.result;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.criteria.Verdict;
import horde.stats.RunStats;
import java.util.List;
import java.util.Map;

/**
 * The canonical outcome of a run: what ran, where, what was measured, and whether the criteria
 * held. Written as JSON by {@link ResultJson}; every reporter reads only this.
 *
 * @param scenario name, file and target (the target without credentials or query)
 * @param settings the load and engine settings as run, for the record
 * @param environment java version, processors, os, transport
 * @param stats the whole run (with phases: all of them, merged exactly)
 * @param criteria the scenario's own thresholds on {@code stats}
 * @param verdict the worst of these criteria and every phase's
 * @param phases each phase on its own; empty for a single run
 * @param grade the scenario's grade table applied to {@code stats}, or null
 * @param notes what else happened that a reader should know (a failed teardown)
 * @param findings plain-language observations, computed from the rest when the run ends ({@link
 *     horde.criteria.Findings#of}) and kept as written when a result file is read back
 * @param target what watching the target's metrics did ({@code monitor:}), or null
 * @param search a capacity search's knee and curve, or null
 */
public record RunResult(
    String hordeVersion,
    Map<String, String> scenario,
    Map<String, Object> settings,
    Map<String, Object> environment,
    String startedAt,
    RunStats stats,
    List<CriterionResult> criteria,
    Verdict verdict,
    List<PhaseResult> phases,
    String grade,
    List<String> notes,
    List<Finding> findings,
    TargetSummary target,
    SearchSummary search) {

  public RunResult {
    scenario = Ordered.copy(scenario);
    settings = Ordered.copy(settings);
    environment = Ordered.copy(environment);
    criteria = List.copyOf(criteria);
    phases = List.copyOf(phases == null ? List.of() : phases);
    notes = List.copyOf(notes == null ? List.of() : notes);
    findings = List.copyOf(findings);
  }

  /**
   * A result measuring {@code stats}, from named parts; a part not given is empty (no criteria,
   * phases, notes or findings), a pass, or null (version, start, grade, target, search). Findings are
   * not computed here, a result being a value: whoever assembles a run's result gives them, from
   * {@link horde.criteria.Findings#of}.
   *
   * <pre>{@code
   * RunResult.builder(stats).settings(settings).verdict(Verdict.FAIL).findings(Findings.of(stats, settings)).build()
   * }</pre>
   */
  public static Builder builder(RunStats stats) {
    return new Builder(stats);
  }

  /** A builder holding this result's parts, to change a few (its findings are kept: give them again if they change). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Collects a {@link RunResult}'s parts by name. */
  public static final class Builder {
    private String hordeVersion;
    private Map<String, String> scenario = Map.of();
    private Map<String, Object> settings = Map.of();
    private Map<String, Object> environment = Map.of();
    private String startedAt;
    private RunStats stats;
    private List<CriterionResult> criteria = List.of();
    private Verdict verdict = Verdict.PASS;
    private List<PhaseResult> phases;
    private String grade;
    private List<String> notes;
    private List<Finding> findings = List.of();
    private TargetSummary target;
    private SearchSummary search;

    private Builder(RunStats stats) {
      this.stats = stats;
    }

    private Builder(RunResult r) {
      hordeVersion = r.hordeVersion;
      scenario = r.scenario;
      settings = r.settings;
      environment = r.environment;
      startedAt = r.startedAt;
      stats = r.stats;
      criteria = r.criteria;
      verdict = r.verdict;
      phases = r.phases;
      grade = r.grade;
      notes = r.notes;
      findings = r.findings;
      target = r.target;
      search = r.search;
    }

    public Builder hordeVersion(String hordeVersion) {
      this.hordeVersion = hordeVersion;
      return this;
    }

    public Builder scenario(Map<String, String> scenario) {
      this.scenario = scenario;
      return this;
    }

    public Builder settings(Map<String, Object> settings) {
      this.settings = settings;
      return this;
    }

    public Builder environment(Map<String, Object> environment) {
      this.environment = environment;
      return this;
    }

    public Builder startedAt(String startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder stats(RunStats stats) {
      this.stats = stats;
      return this;
    }

    public Builder criteria(List<CriterionResult> criteria) {
      this.criteria = criteria;
      return this;
    }

    public Builder verdict(Verdict verdict) {
      this.verdict = verdict;
      return this;
    }

    public Builder phases(List<PhaseResult> phases) {
      this.phases = phases;
      return this;
    }

    public Builder grade(String grade) {
      this.grade = grade;
      return this;
    }

    public Builder notes(List<String> notes) {
      this.notes = notes;
      return this;
    }

    public Builder findings(List<Finding> findings) {
      this.findings = findings;
      return this;
    }

    public Builder target(TargetSummary target) {
      this.target = target;
      return this;
    }

    public Builder search(SearchSummary search) {
      this.search = search;
      return this;
    }

    public RunResult build() {
      return new RunResult(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict, phases,
          grade, notes, findings, target, search);
    }
  }
}
