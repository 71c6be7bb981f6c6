package horde.criteria;

import horde.scenario.FailureKind;
import horde.stats.EndpointStats;
import horde.stats.LlmStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Findings from streaming and token figures: where time goes before the first token, streams cut
 * short, the cache, and what the tokens cost. Runs without them get none of these.
 */
final class StreamingFindings {
  /** Fewer cache lookups than this say little about a cache. */
  static final int MIN_LOOKUPS = 50;
  /** Seconds with streams needed before comparing light and heavy load. */
  static final int MIN_SECONDS = 9;

  private StreamingFindings() {}

  static void addTo(List<Finding> out, RunStats s) {
    List<EndpointStats> llm = EndpointFindings.requests(s).stream().filter(e -> e.llm() != null).toList();
    if (llm.isEmpty()) return;
    firstTokenUnderLoad(out, s);
    cutShort(out, llm);
    cache(out, llm);
    cost(out, s, llm);
  }

  /**
   * TTFT and ITL in the third of the measured seconds with the lightest load against the third with
   * the heaviest: load is users (closed model) or throughput (open model, where the users at work
   * follow the latency). TTFT that grows while ITL stays flat is time spent before generation; ITL
   * that grows is generation itself slowing down.
   */
  private static void firstTokenUnderLoad(List<Finding> out, RunStats s) {
    boolean open = s.open();
    ToDoubleFunction<TimelinePoint> load = open ? TimelinePoint::rps : TimelinePoint::users;
    List<TimelinePoint> points = Intervals.answered(Intervals.underLoad(s.timeline()), true).stream()
        .filter(p -> p.llm() != null && p.llm().ttftP95() > 0 && p.llm().itlP50() > 0)
        .sorted(Comparator.comparingDouble(load)).toList();
    if (points.size() < MIN_SECONDS) return;
    int third = points.size() / 3;
    List<TimelinePoint> low = points.subList(0, third), high = points.subList(points.size() - third, points.size());
    double lowLoad = Intervals.median(low, load), highLoad = Intervals.median(high, load);
    if (!(highLoad >= 1.5 * lowLoad)) return;
    double ttft0 = Intervals.median(low, p -> p.llm().ttftP95()), ttft1 = Intervals.median(high, p -> p.llm().ttftP95());
    double itl0 = Intervals.median(low, p -> p.llm().itlP50()), itl1 = Intervals.median(high, p -> p.llm().itlP50());
    String at0 = load(lowLoad, open), at1 = load(highLoad, open);
    double from = high.stream().mapToDouble(TimelinePoint::t).min().orElse(1) - 1;
    if (itl1 >= 1.5 * itl0) {
      out.add(Finding.warning("generation_slows", String.format("Generation slows under load: the gap between tokens"
          + " (ITL p50) grows from %s at %s to %s at %s (%s), and time to first token p95 from %s to %s. The model's"
          + " compute is shared by more streams at once; each answer streams more slowly.", Figures.ms(itl0), at0,
          Figures.ms(itl1), at1, Figures.times(itl1 / itl0), Figures.ms(ttft0), Figures.ms(ttft1))).at(from));
    } else if (ttft1 >= 1.5 * ttft0 && ttft1 - ttft0 >= 50 && itl1 < 1.25 * itl0) {
      String itl = Math.abs(itl1 - itl0) < 0.05 * itl0 ? "" : " (" + Figures.ms(itl0) + " then " + Figures.ms(itl1) + ")";
      out.add(Finding.warning("ttft_queueing", String.format("Time to first token grows with load while tokens keep their"
          + " pace: TTFT p95 %s at %s, %s at %s (%s), while the gap between tokens (ITL p50) stays near %s%s. The extra"
          + " time is spent before generation starts (waiting for a model slot, admission or prefill): more capacity"
          + " helps, faster decoding would not.", Figures.ms(ttft0), at0, Figures.ms(ttft1), at1,
          Figures.times(ttft1 / ttft0), Figures.ms(itl0), itl)).at(from));
    }
  }

  private static String load(double load, boolean open) {
    return open ? Figures.rate(load) : Math.round(load) + " users";
  }

  /** Streams that stalled, broke off or ended without their terminator: users saw a cut answer. */
  private static void cutShort(List<Finding> out, List<EndpointStats> llm) {
    long stalled = 0, incomplete = 0, errors = 0, requests = 0;
    EndpointStats worst = null;
    long worstCount = 0;
    for (EndpointStats e : llm) {
      long st = e.failures(FailureKind.STREAM_STALLED);
      long in = e.failures(FailureKind.STREAM_INCOMPLETE);
      long er = e.failures(FailureKind.STREAM_ERROR);
      if (e.llm().streams() > 0 || st + in + er > 0) requests += e.requests();
      stalled += st;
      incomplete += in;
      errors += er;
      if (st + in + er > worstCount) {
        worstCount = st + in + er;
        worst = e;
      }
    }
    long cut = stalled + incomplete + errors;
    if (cut == 0) return;
    double share = 100.0 * cut / Math.max(1, requests);
    StringBuilder why = new StringBuilder();
    if (stalled > 0) why.append(Figures.count(stalled)).append(" stalled (silent past the idle timeout)");
    if (incomplete > 0) {
      why.append(why.isEmpty() ? "" : ", ").append(Figures.count(incomplete)).append(" ended without their terminator");
    }
    if (errors > 0) why.append(why.isEmpty() ? "" : ", ").append(Figures.count(errors)).append(" reported an error mid-stream");
    String text = String.format("%s streamed answers (%s of the streaming requests) stopped before their end: %s; most on"
        + " %s. Their users saw a cut answer; they count as failures.", Figures.count(cut), Figures.percent(share), why,
        EndpointFindings.label(worst));
    out.add(share >= 1 ? Finding.warning("streams_cut_short", text) : Finding.info("streams_cut_short", text));
  }

  /**
   * The cache-hit rate and what it means at its extremes. (Not its trend: the timeline keeps each
   * second's rate without its count, and quiet seconds of 0 or 100% would make one up.)
   */
  private static void cache(List<Finding> out, List<EndpointStats> llm) {
    long hits = 0, lookups = 0;
    for (EndpointStats e : llm) {
      hits += e.llm().cacheHits();
      lookups += e.llm().cacheLookups();
    }
    if (lookups < MIN_LOOKUPS) return;
    double rate = 100.0 * hits / lookups;
    if (hits == 0) {
      out.add(Finding.info("no_cache_hits", String.format("None of the %s answers that say whether they were cached was:"
          + " the cache is off, or every prompt was different (a template value in the prompt defeats an exact-match cache).",
          Figures.count(lookups))));
    } else if (rate >= 90) {
      out.add(Finding.warning("cache_dominates", String.format("%s of answers came from the cache (%s of %s): the run"
          + " measures the cache more than the model behind it. Vary the prompts (a feeder) if real traffic repeats itself"
          + " less.", Figures.percent(rate), Figures.count(hits), Figures.count(lookups))));
    } else {
      out.add(Finding.info("cache_hits", String.format("The cache answered %s of %s lookups%s.", Figures.percent(rate),
          Figures.count(lookups), where(llm))));
    }
  }

  /** {@code on POST /x}, or with several endpoints each with its own rate: {@code : 40% on POST /x, 10% on GET /y}. */
  private static String where(List<EndpointStats> llm) {
    List<EndpointStats> cached = llm.stream().filter(e -> e.llm().cacheLookups() > 0).toList();
    if (cached.size() == 1) return " on " + EndpointFindings.label(cached.get(0));
    return ": " + String.join(", ", cached.stream().map(e -> String.format("%s on %s", Figures.percent(e.llm().cacheHitRate()),
        EndpointFindings.label(e))).toList());
  }

  /** What the tokens cost: in all, per thousand requests, an hour at this rate, and the dearest endpoint. */
  private static void cost(List<Finding> out, RunStats s, List<EndpointStats> llm) {
    LlmStats all = EndpointStats.merge("", "", llm).llm();
    if (all == null || !(all.cost() > 0)) return;
    StringBuilder text = new StringBuilder(String.format("Tokens cost %s in the measured %s (%s input and %s output"
        + " tokens): %s per 1,000 priced requests", Figures.money(all.cost()), Figures.at(s.measuredSeconds()),
        Figures.count(all.inputTokens()), Figures.count(all.outputTokens()), Figures.money(1000 * all.costPerRequest())));
    if (s.measuredSeconds() > 0) text.append(", about ").append(Figures.money(all.cost() * 3600 / s.measuredSeconds()))
        .append(" an hour at this run's rate");
    EndpointStats dearest = llm.stream().max(Comparator.comparingDouble(e -> e.llm().cost())).orElseThrow();
    long priced = llm.stream().filter(e -> e.llm().cost() > 0).count();
    if (priced >= 2) text.append(String.format("; %s of it on %s", Figures.percent(100 * dearest.llm().cost() / all.cost()),
        EndpointFindings.label(dearest)));
    if (all.costSaved() > 0) {
      double full = all.cost() + all.costSaved();
      text.append(String.format("; the cached-input price saved %s on %s input tokens of cache hits (%s of what these"
          + " requests would have cost)", Figures.money(all.costSaved()), Figures.count(all.cachedInputTokens()),
          Figures.percent(100 * all.costSaved() / full)));
    }
    out.add(Finding.info("cost", text.append('.').toString()));
  }
}
