package horde.stats;

import horde.record.IntervalSnapshot;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One endpoint in one interval, kept compact for the whole run: its counters, the statuses and
 * failure reasons it saw (only those it saw), and its histograms compressed as HdrHistogram's
 * interval log does. Decoded only to recompute a window or to chart one endpoint over time.
 */
public final class Slice {
  private final int endpoint;
  private final long[] counters;
  private final int[] statusCodes;
  private final long[] statusCounts;
  private final int[] reasonIds;
  private final long[] reasonCounts;
  private final byte[][] histograms;

  /**
   * @param counters by counter index
   * @param histograms by histogram index, each compressed ({@link #compress}), null where none
   */
  public Slice(int endpoint, long[] counters, int[] statusCodes, long[] statusCounts, int[] reasonIds,
      long[] reasonCounts, byte[][] histograms) {
    this.endpoint = endpoint;
    this.counters = counters.clone();
    this.statusCodes = statusCodes.clone();
    this.statusCounts = statusCounts.clone();
    this.reasonIds = reasonIds.clone();
    this.reasonCounts = reasonCounts.clone();
    this.histograms = histograms.clone();
  }

  /** The endpoint's part of a snapshot, or null when it recorded nothing. */
  public static Slice of(IntervalSnapshot s, int e) {
    if (!s.touched(e)) return null;
    long[] counters = new long[s.counterCount()];
    for (int c = 0; c < counters.length; c++) counters[c] = s.counter(e, c);
    int statuses = 0, reasons = 0;
    for (int i = 0; i < IntervalSnapshot.STATUSES; i++) if (s.statusCount(e, i) > 0) statuses++;
    for (int i = 0; i < s.reasonCapacity(); i++) if (s.reasonCount(e, i) > 0) reasons++;
    int[] codes = new int[statuses], ids = new int[reasons];
    long[] codeCounts = new long[statuses], idCounts = new long[reasons];
    for (int i = 0, k = 0; i < IntervalSnapshot.STATUSES; i++) {
      if (s.statusCount(e, i) == 0) continue;
      codes[k] = i;
      codeCounts[k++] = s.statusCount(e, i);
    }
    for (int i = 0, k = 0; i < s.reasonCapacity(); i++) {
      if (s.reasonCount(e, i) == 0) continue;
      ids[k] = i;
      idCounts[k++] = s.reasonCount(e, i);
    }
    byte[][] histograms = new byte[s.histogramCount()][];
    for (int m = 0; m < histograms.length; m++) {
      Histogram h = s.histogram(e, m);
      if (h != null && h.getTotalCount() > 0) histograms[m] = compress(h);
    }
    return new Slice(e, counters, codes, codeCounts, ids, idCounts, histograms);
  }

  /** Adds this slice into a snapshot of the run's shape, exactly. */
  public void addTo(IntervalSnapshot into) {
    long[] statuses = new long[IntervalSnapshot.STATUSES];
    for (int i = 0; i < statusCodes.length; i++) statuses[statusCodes[i]] += statusCounts[i];
    long[] reasons = new long[into.reasonCapacity()];
    for (int i = 0; i < reasonIds.length; i++) if (reasonIds[i] < reasons.length) reasons[reasonIds[i]] += reasonCounts[i];
    into.addCounts(endpoint, counters, statuses, reasons);
    for (int m = 0; m < Math.min(histograms.length, into.histogramCount()); m++) {
      if (histograms[m] != null) into.histogramFor(endpoint, m).add(decompress(histograms[m]));
    }
  }

  public int endpoint() {
    return endpoint;
  }

  public long counter(int index) {
    return index < counters.length ? counters[index] : 0;
  }

  public int counterCount() {
    return counters.length;
  }

  public int statusKinds() {
    return statusCodes.length;
  }

  public int statusCode(int i) {
    return statusCodes[i];
  }

  public long statusCount(int i) {
    return statusCounts[i];
  }

  public int reasonKinds() {
    return reasonIds.length;
  }

  public int reasonId(int i) {
    return reasonIds[i];
  }

  public long reasonCount(int i) {
    return reasonCounts[i];
  }

  public int histogramCount() {
    return histograms.length;
  }

  /** The compressed histogram of a measure, or null. */
  public byte[] compressed(int measure) {
    return measure < histograms.length ? histograms[measure] : null;
  }

  /** The histogram of a measure, decoded; null when the endpoint has none in this interval. */
  public Histogram histogram(int measure) {
    byte[] b = compressed(measure);
    return b == null ? null : decompress(b);
  }

  public static byte[] compress(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int n = h.encodeIntoCompressedByteBuffer(buf);
    byte[] out = new byte[n];
    buf.flip();
    buf.get(out);
    return out;
  }

  public static Histogram decompress(byte[] bytes) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
    }
  }
}
