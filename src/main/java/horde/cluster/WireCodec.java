package horde.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages as bytes. Every message begins with the sender's Horde version and the format, which
 * never change place, so that a node of another version is named and refused rather than
 * misread.
 */
final class WireCodec {
  static final int FORMAT = 1;
  private static final int MAGIC = 0x4857; // "HW"

  /**
   * A message as received.
   *
   * @param message null when the sender speaks another format (see {@code version})
   */
  record Envelope(String version, int format, Wire message) {}

  private WireCodec() {}

  static byte[] encode(String version, Wire w) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeShort(MAGIC);
      out.writeByte(FORMAT);
      string(out, version);
      body(out, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException when the bytes are no Horde message */
  static Envelope decode(byte[] bytes, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      if (in.readUnsignedShort() != MAGIC) throw new IllegalArgumentException("not a Horde cluster message");
      int format = in.readUnsignedByte();
      String version = string(in);
      return new Envelope(version, format, format == FORMAT ? body(in) : null);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("a cluster message that cannot be read: " + e, e);
    }
  }

  private static void body(DataOutputStream out, Wire w) throws IOException {
    switch (w) {
      case Wire.Hello h -> {
        out.writeByte(1);
        string(out, h.name());
        out.writeInt(h.cores());
        out.writeLong(h.busyWith());
      }
      case Wire.Who who -> out.writeByte(2);
      case Wire.Prepare p -> {
        out.writeByte(3);
        out.writeLong(p.run());
        bundle(out, p.bundle());
        out.writeLong(p.seed());
        out.writeLong(p.gracefulStopMillis());
        out.writeInt(p.index());
        out.writeInt(p.weights().length);
        for (int x : p.weights()) out.writeInt(x);
      }
      case Wire.Ready r -> {
        out.writeByte(4);
        out.writeLong(r.run());
      }
      case Wire.Refused r -> {
        out.writeByte(5);
        out.writeLong(r.run());
        string(out, r.reason());
      }
      case Wire.Ping p -> {
        out.writeByte(6);
        out.writeLong(p.run());
        out.writeLong(p.sentMicros());
      }
      case Wire.Pong p -> {
        out.writeByte(7);
        out.writeLong(p.run());
        out.writeLong(p.sentMicros());
        out.writeLong(p.workerMicros());
      }
      case Wire.Start s -> {
        out.writeByte(8);
        out.writeLong(s.run());
        out.writeInt(s.phase());
        out.writeLong(s.atMicros());
        out.writeInt(s.variables().length);
        for (String v : s.variables()) string(out, v);
      }
      case Wire.Second s -> second(out, s);
      case Wire.Done d -> {
        out.writeByte(10);
        out.writeLong(d.run());
        out.writeInt(d.phase());
        out.writeDouble(d.end());
        out.writeLong(d.cancelledInFlight());
        out.writeBoolean(d.aborted());
      }
      case Wire.Stop s -> {
        out.writeByte(11);
        out.writeLong(s.run());
      }
      case Wire.End e -> {
        out.writeByte(12);
        out.writeLong(e.run());
      }
    }
  }

  private static void second(DataOutputStream out, Wire.Second s) throws IOException {
    out.writeByte(9);
    out.writeLong(s.run());
    out.writeInt(s.phase());
    bytes(out, s.interval());
    out.writeInt(s.reasons().size());
    for (Wire.Reason r : s.reasons()) {
      out.writeInt(r.id());
      string(out, r.name());
      string(out, r.kind());
    }
    out.writeInt(s.samples().size());
    for (Wire.Sample x : s.samples()) {
      out.writeInt(x.endpoint());
      out.writeInt(x.reason());
      string(out, x.text());
    }
  }

  private static Wire body(DataInputStream in) throws IOException {
    int type = in.readUnsignedByte();
    return switch (type) {
      case 1 -> new Wire.Hello(string(in), in.readInt(), in.readLong());
      case 2 -> new Wire.Who();
      case 3 -> prepare(in);
      case 4 -> new Wire.Ready(in.readLong());
      case 5 -> new Wire.Refused(in.readLong(), string(in));
      case 6 -> new Wire.Ping(in.readLong(), in.readLong());
      case 7 -> new Wire.Pong(in.readLong(), in.readLong(), in.readLong());
      case 8 -> start(in);
      case 9 -> second(in);
      case 10 -> new Wire.Done(in.readLong(), in.readInt(), in.readDouble(), in.readLong(), in.readBoolean());
      case 11 -> new Wire.Stop(in.readLong());
      case 12 -> new Wire.End(in.readLong());
      default -> throw new IOException("unknown message type " + type);
    };
  }

  private static Wire.Prepare prepare(DataInputStream in) throws IOException {
    long run = in.readLong();
    Bundle bundle = bundle(in);
    long seed = in.readLong(), grace = in.readLong();
    int index = in.readInt();
    int[] weights = new int[count(in)];
    for (int i = 0; i < weights.length; i++) weights[i] = in.readInt();
    return new Wire.Prepare(run, bundle, seed, grace, index, weights);
  }

  private static Wire.Start start(DataInputStream in) throws IOException {
    long run = in.readLong();
    int phase = in.readInt();
    long at = in.readLong();
    String[] variables = new String[count(in)];
    for (int i = 0; i < variables.length; i++) variables[i] = string(in);
    return new Wire.Start(run, phase, at, variables);
  }

  private static Wire.Second second(DataInputStream in) throws IOException {
    long run = in.readLong();
    int phase = in.readInt();
    byte[] interval = bytes(in);
    int n = count(in);
    List<Wire.Reason> reasons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) reasons.add(new Wire.Reason(in.readInt(), string(in), string(in)));
    n = count(in);
    List<Wire.Sample> samples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) samples.add(new Wire.Sample(in.readInt(), in.readInt(), string(in)));
    return new Wire.Second(run, phase, interval, reasons, samples);
  }

  private static void bundle(DataOutputStream out, Bundle b) throws IOException {
    string(out, b.scenarioPath());
    string(out, b.text());
    out.writeInt(b.files().size());
    for (Map.Entry<String, byte[]> f : b.files().entrySet()) {
      string(out, f.getKey());
      bytes(out, f.getValue());
    }
    strings(out, b.environment());
    strings(out, b.flags());
  }

  private static Bundle bundle(DataInputStream in) throws IOException {
    String path = string(in), text = string(in);
    int n = count(in);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) files.put(string(in), bytes(in));
    return new Bundle(path, text, files, strings(in), strings(in));
  }

  private static void strings(DataOutputStream out, Map<String, String> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      string(out, e.getKey());
      string(out, e.getValue());
    }
  }

  private static Map<String, String> strings(DataInputStream in) throws IOException {
    int n = count(in);
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) m.put(string(in), string(in));
    return m;
  }

  /** Any length (a scenario may be larger than writeUTF's 64 KB); null as -1. */
  private static void string(DataOutputStream out, String s) throws IOException {
    bytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  private static String string(DataInputStream in) throws IOException {
    byte[] b = bytes(in);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) out.write(b);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < -1) throw new IOException("a negative length");
    if (n == -1) return null;
    if (n > in.available()) throw new IOException("a length past the message's end");
    return in.readNBytes(n);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) throw new IOException("a count past the message's end");
    return n;
  }
}
