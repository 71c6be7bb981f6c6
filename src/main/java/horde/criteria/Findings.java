package horde.criteria;

import horde.stats.RunStats;
import horde.stats.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Plain-language observations computed from a run's statistics and settings alone, so that
 * regenerating a report from the result file gives the same findings. Warnings come first.
 *
 * <pre>{@code
 * for (Finding f : Findings.of(result.stats(), result.settings())) System.out.println(f.text());
 * }</pre>
 *
 * The rules and their thresholds are described in docs/reports.md.
 */
public final class Findings {
  private Findings() {}

  public static List<Finding> of(RunStats stats, Map<String, ?> settings) {
    Settings typed = Settings.of(settings);
    List<Finding> out = new ArrayList<>();
    GeneratorFindings.addTo(out, stats, typed);
    ClusterFindings.addTo(out, typed);
    List<GeneratorHealth.Problem> own = GeneratorHealth.problems(stats);
    GeneratorHealth.addTo(out, own);
    ErrorBursts.addTo(out, stats.timeline(), stats.open());
    LoadCurve.addTo(out, stats);
    SteadyState.addTo(out, stats, typed.hasPhases(),
        own.stream().mapToLong(GeneratorHealth.Problem::warmup).max().orElse(0));
    Degradation.addTo(out, stats, typed);
    TargetFindings.addTo(out, stats);
    StreamingFindings.addTo(out, stats);
    EndpointFindings.addTo(out, stats);
    out.sort(Comparator.comparing(Finding::level));
    return List.copyOf(out);
  }
}
