package horde.compare;

import horde.scenario.CompareSettings.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Compares a candidate run with a baseline of one or more runs: all requests together, then every
 * endpoint and group either run has. Pure: no files, no database.
 */
public final class Comparer {
  private Comparer() {}

  public static Comparison compare(String baseline, List<MeasuredRun> baselineRuns, MeasuredRun candidate, Tolerance tolerance) {
    if (baselineRuns.isEmpty()) throw new IllegalArgumentException("a baseline needs at least one run");
    List<MeasuredRun> all = new ArrayList<>(baselineRuns);
    all.add(candidate);
    Changes changes = new Changes(tolerance, all);
    List<Double> seconds = baselineRuns.stream().map(MeasuredRun::measuredSeconds).toList();
    List<EndpointComparison> out = new ArrayList<>();
    out.add(endpoint(changes, baselineRuns.stream().map(MeasuredRun::total).toList(), seconds, candidate.total(), candidate.measuredSeconds()));
    Map<String, List<MeasuredEndpoint>> base = new LinkedHashMap<>();
    for (MeasuredRun r : baselineRuns) {
      for (MeasuredEndpoint e : r.endpoints()) base.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
    }
    for (MeasuredEndpoint e : candidate.endpoints()) {
      List<MeasuredEndpoint> b = base.remove(e.key());
      if (b == null) out.add(new EndpointComparison(e.name(), e.method(), Presence.CANDIDATE_ONLY, List.of()));
      else out.add(endpoint(changes, aligned(b, baselineRuns, e), seconds, e, candidate.measuredSeconds()));
    }
    base.values().forEach(b -> out.add(new EndpointComparison(b.get(0).name(), b.get(0).method(), Presence.BASELINE_ONLY, List.of())));
    return new Comparison(baseline, baselineRuns.stream().map(MeasuredRun::label).toList(), candidate.label(), tolerance, out,
        notes(baselineRuns, candidate));
  }

  /**
   * The endpoint in each baseline run, an empty one where a run lacks it, so that counts and
   * seconds stay paired run by run.
   */
  private static List<MeasuredEndpoint> aligned(List<MeasuredEndpoint> found, List<MeasuredRun> runs, MeasuredEndpoint like) {
    if (found.size() == runs.size()) return found;
    List<MeasuredEndpoint> out = new ArrayList<>();
    for (MeasuredRun r : runs) {
      out.add(r.endpoints().stream().filter(e -> e.key().equals(like.key())).findFirst()
          .orElse(new MeasuredEndpoint(like.name(), like.method(), 0, 0, new Histogram(3), null, null)));
    }
    return out;
  }

  private static EndpointComparison endpoint(Changes changes, List<MeasuredEndpoint> baseline, List<Double> seconds,
      MeasuredEndpoint candidate, double candidateSeconds) {
    List<Change> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (changes.level(m) == Level.OFF) continue;
      Change c = switch (m.kind) {
        case ERRORS -> changes.errors(baseline, candidate);
        case THROUGHPUT -> changes.throughput(baseline, seconds, candidate, candidateSeconds);
        default -> changes.time(m, baseline, candidate);
      };
      if (c != null) out.add(c);
    }
    return new EndpointComparison(candidate.name(), candidate.method(), Presence.BOTH, out);
  }

  private static List<String> notes(List<MeasuredRun> baseline, MeasuredRun candidate) {
    List<String> notes = new ArrayList<>();
    MeasuredRun first = baseline.get(0);
    for (MeasuredRun b : baseline) {
      if (!b.scenario().equals(candidate.scenario())) {
        notes.add("different scenarios: " + b.label() + " ran '" + b.scenario() + "', " + candidate.label() + " ran '"
            + candidate.scenario() + "'");
        break;
      }
    }
    List<String> differ = new ArrayList<>();
    for (String k : Measured.LOAD_KEYS) {
      Object a = first.load().get(k), c = candidate.load().get(k);
      if (!Objects.equals(a, c)) differ.add(k + " " + (a == null ? "-" : a) + " vs " + (c == null ? "-" : c));
    }
    if (!differ.isEmpty()) notes.add("the load differs from " + first.label() + ": " + String.join(", ", differ));
    for (MeasuredRun b : baseline) if (b.aborted()) notes.add(b.label() + " was stopped early");
    if (candidate.aborted()) notes.add(candidate.label() + " was stopped early");
    return notes;
  }
}
