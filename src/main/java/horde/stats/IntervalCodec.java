package horde.stats;

import horde.record.Health;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole {@link Interval} as compact bytes and back, exactly: gauges, health, and every slice
 * with its counters, statuses, failure reasons (by id) and compressed histograms as they are. A
 * cluster's worker sends one a second; counts are variable-length, so a quiet endpoint costs a few
 * bytes. Ids mean what the sender's {@link Names} say.
 *
 * <pre>{@code
 * byte[] bytes = IntervalCodec.encode(interval);
 * Interval same = IntervalCodec.decode(bytes);
 * }</pre>
 */
public final class IntervalCodec {
  private static final int FORMAT = 1;

  private IntervalCodec() {}

  public static byte[] encode(Interval i) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeDouble(i.t());
      out.writeDouble(i.seconds());
      varint(out, i.users());
      varint(out, i.peakUsers());
      varint(out, i.dropped());
      out.writeBoolean(i.warmup());
      health(out, i.health());
      varint(out, i.slices().size());
      for (Slice s : i.slices()) slice(out, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException when the bytes are not an encoded interval */
  public static Interval decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readByte();
      if (format != FORMAT) throw new IllegalArgumentException("interval format " + format + ", expected " + FORMAT);
      double t = in.readDouble(), seconds = in.readDouble();
      int users = (int) varint(in), peak = (int) varint(in);
      long dropped = varint(in);
      boolean warmup = in.readBoolean();
      Health health = health(in);
      int n = (int) varint(in);
      List<Slice> slices = new ArrayList<>(n);
      for (int k = 0; k < n; k++) slices.add(slice(in));
      return new Interval(t, seconds, users, peak, dropped, warmup, slices, health);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded interval: " + e, e);
    }
  }

  private static void health(DataOutputStream out, Health h) throws IOException {
    out.writeBoolean(h != null);
    if (h == null) return;
    out.writeDouble(h.loopLagP99Ms());
    out.writeDouble(h.loopLagMaxMs());
    out.writeDouble(h.cpuPercent());
    out.writeDouble(h.gcPauseMs());
    out.writeLong(h.openFiles());
    out.writeLong(h.maxFiles());
    out.writeLong(h.poolWaits());
  }

  private static Health health(DataInputStream in) throws IOException {
    if (!in.readBoolean()) return null;
    return new Health(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong(), in.readLong(),
        in.readLong());
  }

  private static void slice(DataOutputStream out, Slice s) throws IOException {
    varint(out, s.endpoint());
    varint(out, s.counterCount());
    for (int c = 0; c < s.counterCount(); c++) varint(out, s.counter(c));
    varint(out, s.statusKinds());
    for (int k = 0; k < s.statusKinds(); k++) {
      varint(out, s.statusCode(k));
      varint(out, s.statusCount(k));
    }
    varint(out, s.reasonKinds());
    for (int k = 0; k < s.reasonKinds(); k++) {
      varint(out, s.reasonId(k));
      varint(out, s.reasonCount(k));
    }
    varint(out, s.histogramCount());
    for (int m = 0; m < s.histogramCount(); m++) {
      byte[] h = s.compressed(m);
      varint(out, h == null ? 0 : h.length + 1); // 0: no histogram
      if (h != null) out.write(h);
    }
  }

  private static Slice slice(DataInputStream in) throws IOException {
    int endpoint = (int) varint(in);
    long[] counters = new long[(int) varint(in)];
    for (int c = 0; c < counters.length; c++) counters[c] = varint(in);
    int statuses = (int) varint(in);
    int[] codes = new int[statuses];
    long[] codeCounts = new long[statuses];
    for (int k = 0; k < statuses; k++) {
      codes[k] = (int) varint(in);
      codeCounts[k] = varint(in);
    }
    int reasons = (int) varint(in);
    int[] ids = new int[reasons];
    long[] idCounts = new long[reasons];
    for (int k = 0; k < reasons; k++) {
      ids[k] = (int) varint(in);
      idCounts[k] = varint(in);
    }
    byte[][] histograms = new byte[(int) varint(in)][];
    for (int m = 0; m < histograms.length; m++) {
      int length = (int) varint(in);
      if (length > 0) histograms[m] = in.readNBytes(length - 1);
    }
    return new Slice(endpoint, counters, codes, codeCounts, ids, idCounts, histograms);
  }

  /** An unsigned LEB128 number: 7 bits a byte, small counts in one byte. */
  private static void varint(DataOutputStream out, long v) throws IOException {
    if (v < 0) throw new IllegalArgumentException("a count below 0: " + v);
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long varint(DataInputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new IOException("a number longer than 64 bits");
  }
}
