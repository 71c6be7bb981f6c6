package horde.compare;

import static horde.compare.Synthetic.change;
import static horde.compare.Synthetic.compare;
import static horde.compare.Synthetic.endpoint;
import static horde.compare.Synthetic.normal;
import static horde.compare.Synthetic.run;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.CompareSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict method on runs of known difference: the edges of docs/compare.md. */
class ComparerTest {
  @Test
  void aRunAgainstItselfIsUnchangedEverywhere() {
    MeasuredRun a = run("a", 10, endpoint("/x", normal(5000, 100, 10, 1), 5));
    Comparison c = compare(a, a);
    assertThat(c.endpoints()).allSatisfy(e -> assertThat(e.changes()).allSatisfy(ch -> {
      assertThat(ch.verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
      assertThat(ch.interval().low()).isLessThanOrEqualTo(0);
      assertThat(ch.interval().high()).isGreaterThanOrEqualTo(0);
    }));
    assertThat(c.verdict()).isEqualTo("unchanged");
    assertThat(c.failed(true)).isFalse();
  }

  @Test
  void samplesOfOneDistributionRaiseNoAlarm() {
    for (int seed = 0; seed < 40; seed++) {
      MeasuredRun a = run("a", 10, endpoint("/x", normal(3000, 80, 15, seed), 10));
      MeasuredRun b = run("b", 10, endpoint("/x", normal(3000, 80, 15, 1000 + seed), 10));
      assertThat(compare(a, b).count(ChangeVerdict.REGRESSED, CompareSettings.Level.WARN)).as("seed %d", seed).isZero();
    }
  }

  @Test
  void aTinyShiftIsSignificantButWithinTheTolerance() {
    // 100,000 samples each: a 1 % shift is far outside the noise, and far inside the 5 % tolerance.
    MeasuredRun a = run("a", 100, endpoint("/x", normal(100_000, 100, 10, 1), 0));
    MeasuredRun b = run("b", 100, endpoint("/x", normal(100_000, 101, 10, 2), 0));
    Change p50 = change(compare(a, b), "/x", Measure.P50);
    assertThat(p50.significant()).isTrue();
    assertThat(p50.delta()).isBetween(0.5, 1.5);
    assertThat(p50.verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
  }

  @Test
  void aLargeShiftIsARegressionAndTheReverseAnImprovement() {
    MeasuredRun a = run("a", 10, endpoint("/x", normal(2000, 50, 3, 1), 0));
    MeasuredRun b = run("b", 10, endpoint("/x", normal(2000, 60, 3, 2), 0));
    Comparison worse = compare(a, b);
    for (Measure m : List.of(Measure.P50, Measure.P95, Measure.P99)) {
      Change ch = change(worse, "/x", m);
      assertThat(ch.verdict()).as(m.key()).isEqualTo(ChangeVerdict.REGRESSED);
      assertThat(ch.delta()).isBetween(8.0, 12.0);
      assertThat(ch.interval().low()).isGreaterThan(5.0);
    }
    assertThat(worse.failed(false)).isTrue();
    assertThat(change(compare(b, a), "/x", Measure.P95).verdict()).isEqualTo(ChangeVerdict.IMPROVED);
  }

  @Test
  void fewSamplesGiveNoVerdict() {
    MeasuredRun a = run("a", 10, endpoint("/x", normal(15, 50, 3, 1), 0));
    MeasuredRun b = run("b", 10, endpoint("/x", normal(15, 90, 3, 2), 0));
    Comparison c = compare(a, b);
    assertThat(c.endpoints().get(1).changes()).allSatisfy(ch -> assertThat(ch.verdict()).isEqualTo(ChangeVerdict.INSUFFICIENT_DATA));
    assertThat(change(c, "/x", Measure.P95).note()).contains("15 in the baseline");
    assertThat(c.failed(true)).isFalse();
    // 200 samples bound a p50 and a p95, not a p99 at 99 % confidence
    Comparison more = compare(run("a", 10, endpoint("/x", normal(200, 50, 3, 1), 0)), run("b", 10, endpoint("/x", normal(200, 90, 3, 2), 0)));
    assertThat(change(more, "/x", Measure.P50).verdict()).isEqualTo(ChangeVerdict.REGRESSED);
    assertThat(change(more, "/x", Measure.P95).verdict()).isEqualTo(ChangeVerdict.REGRESSED);
    assertThat(change(more, "/x", Measure.P99).verdict()).isEqualTo(ChangeVerdict.INSUFFICIENT_DATA);
  }

  @Test
  void aBaselineOfSeveralRunsCarriesItsSpread() {
    // Three baseline runs whose medians lie 10 ms apart; the candidate's lies inside their spread.
    List<MeasuredRun> baseline = List.of(
        run("b1", 10, endpoint("/x", normal(3000, 100, 5, 1), 0)),
        run("b2", 10, endpoint("/x", normal(3000, 110, 5, 2), 0)),
        run("b3", 10, endpoint("/x", normal(3000, 120, 5, 3), 0)));
    MeasuredRun candidate = run("c", 10, endpoint("/x", normal(3000, 122, 5, 4), 0));
    Comparison spread = Comparer.compare("prod", baseline, candidate, Tolerance.DEFAULTS);
    Change p50 = change(spread, "/x", Measure.P50);
    assertThat(p50.verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
    assertThat(p50.test()).contains("spread of 3 baseline runs");
    // Against the first run alone the same candidate is a regression: one run cannot show the spread.
    assertThat(change(compare(baseline.get(0), candidate), "/x", Measure.P50).verdict()).isEqualTo(ChangeVerdict.REGRESSED);
    // Far outside the spread it is a regression still.
    // (three runs at 99 % confidence: t(2) = 9.92, so the interval is about ±115 ms wide)
    MeasuredRun slow = run("s", 10, endpoint("/x", normal(3000, 300, 5, 5), 0));
    assertThat(change(Comparer.compare("prod", baseline, slow, Tolerance.DEFAULTS), "/x", Measure.P50).verdict())
        .isEqualTo(ChangeVerdict.REGRESSED);
  }

  @Test
  void errorRateChangesCountInPoints() {
    MeasuredRun clean = run("a", 10, endpoint("/x", normal(1000, 50, 3, 1), 0));
    Change worse = change(compare(clean, run("b", 10, endpoint("/x", normal(950, 50, 3, 2), 50))), "/x", Measure.ERROR_RATE);
    assertThat(worse.verdict()).isEqualTo(ChangeVerdict.REGRESSED);
    assertThat(worse.delta()).isCloseTo(5.0, org.assertj.core.api.Assertions.within(0.01));
    // 3 failures in 1000 is 0.3 points: within the 0.5-point tolerance
    Change small = change(compare(clean, run("b", 10, endpoint("/x", normal(997, 50, 3, 2), 3))), "/x", Measure.ERROR_RATE);
    assertThat(small.verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
  }

  @Test
  void throughputFallingIsARegression() {
    MeasuredRun a = run("a", 10, endpoint("/x", normal(10_000, 50, 3, 1), 0));
    MeasuredRun b = run("b", 10, endpoint("/x", normal(8_000, 50, 3, 2), 0));
    Change t = change(compare(a, b), "/x", Measure.THROUGHPUT);
    assertThat(t.baseline()).isEqualTo(1000.0);
    assertThat(t.candidate()).isEqualTo(800.0);
    assertThat(t.verdict()).isEqualTo(ChangeVerdict.REGRESSED);
    assertThat(change(compare(b, a), "/x", Measure.THROUGHPUT).verdict()).isEqualTo(ChangeVerdict.IMPROVED);
  }

  @Test
  void endpointsInOnlyOneRunAreListed() {
    MeasuredRun a = run("a", 10, endpoint("/old", normal(500, 50, 3, 1), 0), endpoint("/both", normal(500, 50, 3, 2), 0));
    MeasuredRun b = run("b", 10, endpoint("/both", normal(500, 50, 3, 3), 0), endpoint("/new", normal(500, 50, 3, 4), 0));
    Comparison c = compare(a, b);
    assertThat(c.endpoints()).extracting(EndpointComparison::name, EndpointComparison::presence).containsExactly(
        org.assertj.core.groups.Tuple.tuple("all requests", Presence.BOTH), org.assertj.core.groups.Tuple.tuple("/both", Presence.BOTH),
        org.assertj.core.groups.Tuple.tuple("/new", Presence.CANDIDATE_ONLY), org.assertj.core.groups.Tuple.tuple("/old", Presence.BASELINE_ONLY));
  }

  @Test
  void settingsMoveTheToleranceAndTheLevels() {
    MeasuredRun a = run("a", 10, endpoint("/x", normal(2000, 50, 3, 1), 0));
    MeasuredRun b = run("b", 10, endpoint("/x", normal(2000, 60, 3, 2), 0));
    Tolerance loose = Tolerance.DEFAULTS.with(new CompareSettings(30.0, Duration.ofMillis(20), null, null, null, Map.of()));
    assertThat(change(Comparer.compare("a", List.of(a), b, loose), "/x", Measure.P50).verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
    Tolerance warn = Tolerance.DEFAULTS.with(new CompareSettings(null, null, null, null, null,
        Map.of("p50", CompareSettings.Level.WARN, "p95", CompareSettings.Level.WARN, "p99", CompareSettings.Level.WARN,
            "throughput", CompareSettings.Level.OFF)));
    Comparison c = Comparer.compare("a", List.of(a), b, warn);
    assertThat(c.failed(false)).isFalse();
    assertThat(c.failed(true)).isTrue();
    assertThat(c.verdict()).isEqualTo("regressed");
    assertThat(c.endpoints().get(1).changes()).extracting(Change::measure).doesNotContain(Measure.THROUGHPUT);
  }

  @Test
  void aRunWhoseSecondsDisagreeTellsLessThanItsCount() {
    // p95 6 ms higher on 2000 samples: a regression when the samples are independent...
    MeasuredRun a = run("a", 10, endpoint("/x", normal(2000, 50, 3, 1), 0));
    MeasuredRun b = run("b", 10, endpoint("/x", normal(2000, 56, 3, 2), 0));
    assertThat(change(compare(a, b), "/x", Measure.P95).verdict()).isEqualTo(ChangeVerdict.REGRESSED);
    // ...but not when the candidate's seconds swing from 60 to 110 ms: a stall moved them together.
    MeasuredRun stalled = new MeasuredRun("b", "synthetic", Map.of("users", 10), 4, false, b.total(), b.endpoints(),
        List.of(second(1, 60), second(2, 110), second(3, 61), second(4, 62)));
    MeasuredRun steady = new MeasuredRun("a", "synthetic", Map.of("users", 10), 4, false, a.total(), a.endpoints(),
        List.of(second(1, 55), second(2, 55.2), second(3, 54.9), second(4, 55.1)));
    Change p95 = change(compare(steady, stalled), "/x", Measure.P95);
    assertThat(p95.verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
    assertThat(p95.test()).contains("batch means");
    assertThat(p95.interval().low()).isLessThan(0);
    // steady seconds leave the verdict as it was
    MeasuredRun steadyB = new MeasuredRun("b", "synthetic", Map.of("users", 10), 4, false, b.total(), b.endpoints(),
        List.of(second(1, 61), second(2, 61.2), second(3, 60.9), second(4, 61.1)));
    assertThat(change(compare(steady, steadyB), "/x", Measure.P95).verdict()).isEqualTo(ChangeVerdict.REGRESSED);
  }

  private static Measured.Second second(double t, double p95) {
    return new Measured.Second(t, 1, 500, 500, 50, p95, p95 + 5, 0, false);
  }

  @Test
  void anEndpointsOwnSecondsWidenItsInterval() {
    // The candidate's /x had one slow second among four (a stall): its own seconds say so, though
    // the run's other endpoints were steady.
    List<MeasuredEndpoint.Batch> stall = new java.util.ArrayList<>();
    List<MeasuredEndpoint.Batch> steady = new java.util.ArrayList<>();
    org.HdrHistogram.Histogram stalledAll = new org.HdrHistogram.Histogram(3), steadyAll = new org.HdrHistogram.Histogram(3);
    for (int s = 0; s < 4; s++) {
      org.HdrHistogram.Histogram a = normal(500, s == 1 ? 90 : 56, 3, 10 + s), b = normal(500, 50, 3, 20 + s);
      stall.add(new MeasuredEndpoint.Batch(1, 500, 0, a, null, null));
      steady.add(new MeasuredEndpoint.Batch(1, 500, 0, b, null, null));
      stalledAll.add(a);
      steadyAll.add(b);
    }
    MeasuredEndpoint before = new MeasuredEndpoint("/x", "GET", 2000, 0, steadyAll, null, null, steady);
    MeasuredEndpoint after = new MeasuredEndpoint("/x", "GET", 2000, 0, stalledAll, null, null, stall);
    Change p50 = change(compare(run("a", 4, before), run("b", 4, after)), "/x", Measure.P50);
    assertThat(p50.test()).contains("batch means");
    assertThat(p50.verdict()).isEqualTo(ChangeVerdict.UNCHANGED);
    // without the seconds, the same histograms read as a regression
    Change blind = change(compare(run("a", 4, Synthetic.endpoint("/x", steadyAll, 0)), run("b", 4, Synthetic.endpoint("/x", stalledAll, 0))),
        "/x", Measure.P50);
    assertThat(blind.verdict()).isEqualTo(ChangeVerdict.REGRESSED);
  }
}
