package horde.criteria;

import static horde.criteria.Runs.findings;
import static horde.criteria.Runs.kind;
import static horde.criteria.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import horde.record.Health;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's self-check on crafted seconds: which seconds count, and what each finding advises. */
class GeneratorHealthFindingsTest {
  private static final Health QUIET = new Health(0.5, 1, 30, 0, 100, 20_000, 0);

  /** Second {@code t}: requests ended in it, users busy at its end, the generator's health. */
  private static TimelinePoint second(double t, int users, long requests, Health h) {
    return new TimelinePoint(t, users, requests, 0, requests, 1, 2, 3, 0, false, null, users, h);
  }

  private static List<TimelinePoint> steady(int seconds) {
    List<TimelinePoint> out = new ArrayList<>();
    for (int t = 1; t <= seconds; t++) out.add(second(t, 50, 9_000, QUIET));
    return out;
  }

  private static Health lag(double ms) {
    return new Health(ms, ms, 40, 0, 100, 20_000, 0);
  }

  @Test
  void theCutOffAfterTheLastAnswerTimesNothingAndIsNoBottleneck() {
    List<TimelinePoint> t = steady(10);
    t.set(5, second(6, 50, 9_000, lag(40)));
    t.add(second(10.7, 0, 0, lag(683))); // a million idle users cut off: busy loops, nothing timed
    assertEquals(List.of(), kind(findings(run(t)), "generator_lag"), "one affected second is noise");
  }

  @Test
  void aStallWithBusyUsersCountsEvenWhenNoAnswerCame() {
    List<TimelinePoint> t = steady(10);
    t.set(5, second(6, 50, 9_000, lag(40)));
    t.add(second(10.7, 50, 0, lag(683))); // users waiting on a stalled loop: their latencies grow
    List<Finding> lag = kind(findings(run(t)), "generator_lag");
    assertEquals(1, lag.size(), () -> String.valueOf(findings(run(t))));
    assertTrue(lag.get(0).text().contains("2 seconds (5 s, 10 s)"), lag.get(0).text());
    assertTrue(lag.get(0).text().contains("more CPU"), lag.get(0).text());
  }

  @Test
  void pausesAdviseACollectorThatDoesNotStopTheLoops() {
    List<TimelinePoint> t = steady(10);
    Health paused = new Health(150, 150, 40, 150, 100, 20_000, 0); // a pause makes the loops late too
    t.set(3, second(4, 50, 9_000, paused));
    t.set(7, second(8, 50, 9_000, paused));
    List<Finding> gc = kind(findings(run(t)), "generator_gc");
    assertEquals(1, gc.size(), () -> String.valueOf(findings(run(t))));
    assertTrue(gc.get(0).text().contains("-XX:+UseZGC"), gc.get(0).text());
    assertTrue(!gc.get(0).text().contains("more CPU"), gc.get(0).text());
    List<Finding> lag = kind(findings(run(t)), "generator_lag");
    assertEquals(1, lag.size(), "the pauses made the loops late in the same seconds");
    assertTrue(lag.get(0).text().contains("-XX:+UseZGC"), lag.get(0).text());
  }

  /** Late loops while the process used {@code cpu} % of its CPU (30 % in the quiet seconds). */
  private static Health starting(double ms, double cpu) {
    return new Health(ms, ms, cpu, 0, 100, 20_000, 0);
  }

  @Test
  void lateLoopsOnlyAtTheStartAreHordesOwnStartAndAdviseAWarmup() {
    List<TimelinePoint> t = steady(10);
    t.set(1, second(2, 50, 2_000, starting(127, 98))); // the first second (t = 1) is never checked
    t.set(2, second(3, 50, 6_000, starting(27, 85)));
    t.set(3, second(4, 50, 8_000, starting(11, 60)));
    List<Finding> lag = kind(findings(run(t)), "generator_lag");
    assertEquals(1, lag.size(), () -> String.valueOf(findings(run(t))));
    String text = lag.get(0).text();
    assertTrue(text.contains("3 seconds (1–3 s), at its start"), text);
    assertTrue(text.contains("warmup: 4s") && text.contains("--warmup 4s"), text);
    assertTrue(!text.contains("Figures from"), text);
  }

  @Test
  void lateLoopsAtTheStartWithLessCpuThanLaterAreAStarvedGenerator() {
    List<TimelinePoint> t = steady(10);
    t.set(1, second(2, 50, 2_000, starting(127, 20))); // other processes had the cores
    t.set(2, second(3, 50, 6_000, starting(27, 25)));
    String text = kind(findings(run(t)), "generator_lag").get(0).text();
    assertTrue(text.contains("Figures of those seconds") && text.contains("more CPU"), text);
  }

  @Test
  void aFullCpuWhileTheLoadWasHeavierIsNoStart() {
    List<TimelinePoint> t = steady(10); // 9,000 requests a second from the fourth on
    t.set(1, second(2, 50, 20_000, starting(2, 99))); // more requests, not fewer: the load, not the JIT
    t.set(2, second(3, 50, 20_000, starting(2, 99)));
    String text = kind(findings(run(t)), "generator_cpu").get(0).text();
    assertTrue(text.contains("Figures of those seconds") && text.contains("more CPU"), text);
  }

  @Test
  void oneLateSecondAfterTheStartIsNoise() {
    List<TimelinePoint> t = steady(10);
    t.set(1, second(2, 50, 2_000, starting(127, 98)));
    t.set(2, second(3, 50, 6_000, starting(27, 85)));
    t.set(6, second(7, 50, 9_000, lag(12))); // a recompilation mid-run
    String text = kind(findings(run(t)), "generator_lag").get(0).text();
    assertTrue(text.contains("3 seconds (1–2 s, 6 s), most at its start") && text.contains("warmup: 3s"), text);
  }

  /**
   * 2,000 connections on one core (bench/tail-ab.sh's scenario, 20 s): the JIT's first seconds at
   * a full core, then two of its recompilations in the next seconds (loops 10 and 16 ms late, the core
   * half used), then thirteen healthy seconds.
   */
  static List<TimelinePoint> recompiling(int seconds) {
    List<TimelinePoint> t = new ArrayList<>();
    t.add(second(1, 2_000, 7_970, starting(201, 99)));
    t.add(second(2, 2_000, 33_570, starting(58, 76)));
    t.add(second(3, 2_000, 37_150, starting(11, 65)));
    t.add(second(4, 2_000, 37_944, starting(7, 51)));
    t.add(second(5, 2_000, 38_541, starting(10.2, 56)));
    t.add(second(6, 2_000, 38_692, starting(2, 49)));
    t.add(second(7, 2_000, 38_489, starting(15.8, 53)));
    for (int s = 8; s <= seconds; s++) t.add(second(s, 2_000, 38_700, starting(3, 50)));
    return t;
  }

  @Test
  void theJitsRecompilationsSoonAfterTheStartAreTheStartToo() {
    String text = kind(findings(run(recompiling(20))), "generator_lag").get(0).text();
    assertTrue(text.contains("4 seconds (1–2 s, 4 s, 6 s), at its start") && text.contains("--warmup 7s"), text);
    String shortRun = kind(findings(run(recompiling(12))), "generator_lag").get(0).text();
    assertTrue(shortRun.contains("Figures of those seconds"), "too few healthy seconds after them: " + shortRun);
  }

  @Test
  void lateLoopsLaterInTheRunAreNoStart() {
    List<TimelinePoint> t = steady(10);
    t.set(1, second(2, 50, 2_000, starting(127, 98)));
    t.set(2, second(3, 50, 6_000, starting(27, 85)));
    t.set(6, second(7, 50, 9_000, lag(30))); // late again, twice, long after the start
    t.set(8, second(9, 50, 9_000, lag(30)));
    String text = kind(findings(run(t)), "generator_lag").get(0).text();
    assertTrue(text.contains("Figures from 1 s on") && text.contains("more CPU"), text);
    List<TimelinePoint> mostly = steady(5);
    for (int i = 1; i < 4; i++) mostly.set(i, second(i + 1, 50, 2_000, starting(50, 98))); // 3 late of 4 checked: too few healthy after
    String most = kind(findings(run(mostly)), "generator_lag").get(0).text();
    assertTrue(most.contains("Figures from 1 s on"), most);
  }

  @Test
  void theWarmupsSecondsAreOutOfTheFiguresAndOfTheCheck() {
    List<TimelinePoint> t = steady(10);
    for (int i = 1; i < 4; i++) t.set(i, new TimelinePoint(i + 1, 50, 2_000, 0, 2_000, 1, 2, 3, 0, true, null, 50, lag(80)));
    assertEquals(List.of(), kind(findings(run(t)), "generator_lag"), () -> String.valueOf(findings(run(t))));
  }

  @Test
  void aColdStartNamesHordesOwnStartAndAWarmupCoveringIt() {
    List<TimelinePoint> t = new ArrayList<>();
    for (int s = 1; s <= 40; s++) {
      double p95 = s <= 3 ? 40 : 2; // three slow seconds of forty: a cold start's window is four
      Health h = s == 1 ? QUIET : s <= 5 ? starting(60, 97) : QUIET; // the self-check sees 1–4 s
      t.add(new TimelinePoint(s, 50, s <= 5 ? 4_000 : 9_000, 0, 9_000, 1, p95, p95, 0, false, null, 50, h));
    }
    String lag = kind(findings(run(t)), "generator_lag").get(0).text();
    assertTrue(lag.contains("(1–4 s), at its start") && lag.contains("--warmup 5s"), lag);
    String cold = kind(findings(run(t)), "cold_start").get(0).text();
    assertTrue(cold.contains("Horde's own start in its first 5 s, see the generator finding"), cold);
    assertTrue(cold.endsWith("A warm-up of 5 s would keep it out of the figures."), cold);
  }
}
