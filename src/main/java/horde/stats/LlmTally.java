package horde.stats;

import horde.record.LlmRecorder;
import org.HdrHistogram.Histogram;

/**
 * The streaming side of the statistics: swaps the LLM recorder's interval histograms once a second
 * into timeline figures, and adds them to the measured totals after the warm-up.
 */
final class LlmTally {
  private static final int M = LlmRecorder.MEASURES;
  private final LlmRecorder recorder;
  private final boolean[] tracked;
  private final Histogram[][] recycled;
  private final Histogram[][] measured;
  private final Histogram ttft = new Histogram(3);
  private final Histogram itl = new Histogram(3);
  private final long[][] base;
  private final long[] last = new long[3];
  private boolean measuring;

  /** @param tracked by endpoint id: whether it records streaming or token figures */
  LlmTally(LlmRecorder recorder, boolean[] tracked) {
    this.recorder = recorder;
    this.tracked = tracked.clone();
    int n = tracked.length;
    recycled = new Histogram[M][n];
    measured = new Histogram[M][n];
    for (int m = 0; m < M; m++) for (int e = 0; e < n; e++) measured[m][e] = new Histogram(3);
    base = new long[n][LlmRecorder.counters()];
  }

  void beginMeasuring() {
    measuring = true;
    for (int e = 0; e < tracked.length; e++) {
      for (int c = 0; c < LlmRecorder.counters(); c++) base[e][c] = recorder.count(e, c);
    }
  }

  /** This interval's figures; adds its histograms to the totals once measuring. */
  TimelinePoint.LlmPoint interval(double seconds) {
    ttft.reset();
    itl.reset();
    long out = 0, hits = 0, lookups = 0;
    for (int e = 0; e < tracked.length; e++) {
      if (!tracked[e]) continue;
      for (int m = 0; m < M; m++) {
        recycled[m][e] = recorder.interval(m, e, recycled[m][e]);
        if (measuring) measured[m][e].add(recycled[m][e]);
      }
      ttft.add(recycled[LlmRecorder.TTFT][e]);
      itl.add(recycled[LlmRecorder.ITL][e]);
      out += recorder.count(e, LlmRecorder.OUTPUT_TOKENS);
      hits += recorder.count(e, LlmRecorder.CACHE_HITS);
      lookups += recorder.count(e, LlmRecorder.CACHE_LOOKUPS);
    }
    long dOut = out - last[0], dHits = hits - last[1], dLookups = lookups - last[2];
    last[0] = out;
    last[1] = hits;
    last[2] = lookups;
    return new TimelinePoint.LlmPoint(LatencySummary.pct(ttft, 50), LatencySummary.pct(ttft, 95),
        LatencySummary.pct(ttft, 99), LatencySummary.pct(itl, 50), LatencySummary.pct(itl, 99),
        Math.round(dOut / seconds * 1000) / 1000.0, dLookups == 0 ? Double.NaN : 100.0 * dHits / dLookups);
  }

  /** An endpoint's measured figures, or null when it tracks none. */
  LlmStats endpoint(int e) {
    if (!tracked[e]) return null;
    long[] c = new long[LlmRecorder.counters()];
    for (int i = 0; i < c.length; i++) c[i] = recorder.count(e, i) - base[e][i];
    return new LlmStats(measured[0][e].copy(), measured[1][e].copy(), measured[2][e].copy(), measured[3][e].copy(),
        measured[4][e].copy(), c[LlmRecorder.STREAMS], c[LlmRecorder.TOKEN_EVENTS], c[LlmRecorder.INPUT_TOKENS],
        c[LlmRecorder.OUTPUT_TOKENS], c[LlmRecorder.CACHE_HITS], c[LlmRecorder.CACHE_LOOKUPS],
        c[LlmRecorder.COST_NANODOLLARS] / 1e9);
  }
}
