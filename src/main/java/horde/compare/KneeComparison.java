package horde.compare;

import horde.result.SearchSummary;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two capacity searches compared by what they found. A search's figures mix every step it ran, so
 * their endpoints are not compared; its knee is. A search brackets the target's capacity between
 * its knee (the highest level that met every criterion) and the lowest level above it that failed:
 * the candidate regressed when it failed at a level every baseline run passed (its bracket lies
 * wholly below theirs), improved when it passed a level every baseline run failed, and is
 * unchanged when the brackets overlap — the searches cannot tell finer than their steps.
 *
 * <pre>{@code
 * KneeComparison k = KneeComparison.of("run 41", List.of(a.search()), "run 42", b.search());
 * k.verdict();   // REGRESSED, IMPROVED or UNCHANGED
 * }</pre>
 *
 * @param base the baseline's bracket: its runs' lowest knee and highest first failure
 */
public record KneeComparison(String kind, String baseline, Bracket base, String candidate, Bracket now,
    ChangeVerdict verdict) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * Where a search puts the capacity: at least {@code low}, below {@code high}.
   *
   * @param low the knee; 0 when even the lowest level failed
   * @param high the lowest failing level above the knee; infinite when none failed
   */
  public record Bracket(double low, double high) {
    static Bracket of(SearchSummary s) {
      double above = s.above();
      return new Bracket(s.found() ? s.knee() : 0, Double.isNaN(above) ? Double.POSITIVE_INFINITY : above);
    }
  }

  /** @throws IllegalArgumentException when the searches searched different things (users and rate) */
  public static KneeComparison of(String baseline, List<SearchSummary> base, String candidate, SearchSummary now) {
    for (SearchSummary b : base) {
      if (!b.kind().equals(now.kind()))
        throw new IllegalArgumentException("the baseline searched " + b.kind() + ", the candidate " + now.kind() + ": their knees do not compare");
    }
    double low = base.stream().mapToDouble(b -> Bracket.of(b).low()).min().orElse(0);
    double high = base.stream().mapToDouble(b -> Bracket.of(b).high()).max().orElse(Double.POSITIVE_INFINITY);
    Bracket was = new Bracket(low, high), is = Bracket.of(now);
    ChangeVerdict verdict = is.high() <= was.low() ? ChangeVerdict.REGRESSED
        : is.low() >= was.high() ? ChangeVerdict.IMPROVED : ChangeVerdict.UNCHANGED;
    return new KneeComparison(now.kind(), baseline, was, candidate, is, verdict);
  }

  public boolean failed() {
    return verdict == ChangeVerdict.REGRESSED;
  }

  /** The console's lines. */
  public String format() {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder(nl).append("Compare ").append(candidate).append(" against ").append(baseline)
        .append(": capacity searches of ").append(kind).append(", by their knees").append(nl);
    b.append(String.format(Locale.ROOT, "  %-10s %s%n", "baseline", describe(base)));
    b.append(String.format(Locale.ROOT, "  %-10s %s%n", "candidate", describe(now)));
    b.append("Verdict: ").append(verdict.text().toUpperCase(Locale.ROOT)).append(": ").append(why()).append(nl);
    return b.toString();
  }

  private String why() {
    return switch (verdict) {
      case REGRESSED -> "the candidate failed at " + label(now.high()) + ", a level the baseline passed";
      case IMPROVED -> "the candidate passed " + label(now.low()) + ", a level the baseline failed";
      default -> "the capacities overlap within the searches' steps";
    };
  }

  private String describe(Bracket r) {
    String knee = r.low() > 0 ? "knee " + label(r.low()) : "no knee";
    return knee + ", capacity " + (Double.isInfinite(r.high()) ? "at least " + label(r.low()) + " (no level failed)"
        : "between " + label(r.low()) + " and " + label(r.high()));
  }

  private String label(double level) {
    return SearchSummary.label(kind, level);
  }

  /** As {@code horde compare --json} writes it. */
  public String json() {
    return tree().toPrettyString() + "\n";
  }

  /** The JSON: {@code {"compared": "knees", "kind", "baseline": {"name", "knee", "first_failed"}, "candidate", "verdict"}}. */
  public ObjectNode tree() {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("compared", "knees");
    o.put("kind", kind);
    bracket(o.putObject("baseline").put("name", baseline), base);
    bracket(o.putObject("candidate").put("name", candidate), now);
    o.put("verdict", verdict.text());
    return o;
  }

  private static void bracket(ObjectNode o, Bracket r) {
    o.put("knee", r.low());
    if (Double.isInfinite(r.high())) o.putNull("first_failed");
    else o.put("first_failed", r.high());
  }
}
