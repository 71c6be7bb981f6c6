package horde.protocol.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status line and headers of the response a connection is reading, kept lean: the facts the
 * client needs (length, chunking, keep-alive, encoding, a redirect's Location) are read straight
 * from the bytes, and of the other headers only those named in {@link ClientSettings#keptHeaders}
 * are kept as strings. Reused for each response of its connection; valid until the exchange it
 * answers has ended.
 *
 * <pre>{@code
 * String id = head.header("X-Request-Id");     // null when absent, or not kept
 * long length = head.contentLength();           // -1 when the answer did not say
 * }</pre>
 */
public final class ResponseHead {
  private static final byte[] CONTENT_LENGTH = ascii("content-length");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
  private static final byte[] CONNECTION = ascii("connection");
  private static final byte[] LOCATION = ascii("location");
  private static final byte[] CONTENT_ENCODING = ascii("content-encoding");

  /** What to do with a compressed body. */
  enum Encoding { NONE, GZIP, DEFLATE }

  /** Lower-case names of the headers to keep; null keeps every one. */
  private final byte[][] kept;
  /** The same names for HTTP/2's header maps; null keeps every one. */
  private final AsciiString[] keptNames;
  private final boolean decompress;
  private final List<String> names = new ArrayList<>(); // no array until a header is kept
  private final List<String> values = new ArrayList<>();

  int status;
  boolean http10;
  long contentLength;
  boolean chunked;
  boolean close;
  boolean keepAliveToken;
  Encoding encoding;
  String location;
  private int lastKept;

  ResponseHead(List<String> keptHeaders, boolean decompress) {
    this.decompress = decompress;
    if (keptHeaders == null) {
      this.kept = null;
      this.keptNames = null;
    } else {
      this.kept = new byte[keptHeaders.size()][];
      this.keptNames = new AsciiString[kept.length];
      for (int i = 0; i < kept.length; i++) {
        kept[i] = ascii(keptHeaders.get(i).toLowerCase(Locale.ROOT));
        keptNames[i] = new AsciiString(kept[i]);
      }
    }
    reset();
  }

  void reset() {
    status = 0;
    http10 = false;
    contentLength = -1;
    chunked = false;
    close = false;
    keepAliveToken = false;
    encoding = Encoding.NONE;
    location = null;
    lastKept = -1;
    names.clear();
    values.clear();
  }

  /** The answer's status code. */
  public int status() {
    return status;
  }

  /** The body's length as the answer declared it, or -1 (chunked, until close, or decompressed). */
  public long contentLength() {
    return encoding == Encoding.NONE && !chunked ? contentLength : -1;
  }

  /** The first value of a kept header (the name in any case), or null. */
  public String header(String name) {
    for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return values.get(i);
    return null;
  }

  /** Every value of a kept header, in the order they came. */
  public List<String> headers(String name) {
    List<String> out = new ArrayList<>(1);
    for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) out.add(values.get(i));
    return out;
  }

  /** Whether the server keeps the connection open after this answer (RFC 9112, section 9.3). */
  boolean keepAlive() {
    return !close && (!http10 || keepAliveToken);
  }

  /**
   * One header line, {@code name} at {@code [from, colon)} and its value after the colon up to
   * {@code end}. Reads what the client needs from the bytes; keeps the value when asked to.
   */
  void header(byte[] line, int from, int colon, int end) throws BadResponseException {
    int nameEnd = colon;
    while (nameEnd > from && isSpace(line[nameEnd - 1])) nameEnd--;
    int v = colon + 1;
    while (v < end && isSpace(line[v])) v++;
    int vEnd = end;
    while (vEnd > v && isSpace(line[vEnd - 1])) vEnd--;
    lastKept = -1;
    if (named(line, from, nameEnd, CONTENT_LENGTH)) {
      contentLength(digits(line, v, vEnd));
    } else if (named(line, from, nameEnd, TRANSFER_ENCODING)) {
      chunked = endsWithToken(line, v, vEnd, "chunked");
    } else if (named(line, from, nameEnd, CONNECTION)) {
      connectionTokens(line, v, vEnd);
    } else if (named(line, from, nameEnd, CONTENT_ENCODING)) {
      if (decompress) encoding = encoding(line, v, vEnd);
    } else if (named(line, from, nameEnd, LOCATION) && status >= 300 && status < 400) {
      location = text(line, v, vEnd);
    }
    if (wanted(line, from, nameEnd)) {
      lastKept = names.size();
      names.add(text(line, from, nameEnd));
      values.add(text(line, v, vEnd));
    }
  }

  /**
   * The facts of an HTTP/2 answer's head (RFC 9113 has no chunking and no Connection header), and
   * the headers to keep: only those asked for are made into strings.
   */
  void http2(Http2Headers h) {
    CharSequence length = h.get(HttpHeaderNames.CONTENT_LENGTH);
    if (length != null) contentLength = digits(length);
    CharSequence coding = decompress ? h.get(HttpHeaderNames.CONTENT_ENCODING) : null;
    if (coding != null) encoding = encoding(coding.toString().strip().toLowerCase(Locale.ROOT));
    CharSequence where = status >= 300 && status < 400 ? h.get(HttpHeaderNames.LOCATION) : null;
    if (where != null) location = where.toString().strip();
    if (keptNames == null) {
      for (Map.Entry<CharSequence, CharSequence> e : h) {
        if (e.getKey().length() > 0 && e.getKey().charAt(0) != ':') keep(e.getKey().toString(), e.getValue());
      }
      return;
    }
    for (AsciiString name : keptNames) {
      if (!h.contains(name)) continue;
      for (CharSequence v : h.getAll(name)) keep(name.toString(), v);
    }
  }

  private void keep(String name, CharSequence value) {
    names.add(name);
    values.add(value.toString());
  }

  private static long digits(CharSequence s) {
    long n = 0;
    if (s.isEmpty() || s.length() > 18) return -1;
    for (int i = 0; i < s.length(); i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  private static Encoding encoding(String lower) {
    return switch (lower) {
      case "gzip", "x-gzip" -> Encoding.GZIP;
      case "deflate", "x-deflate" -> Encoding.DEFLATE;
      default -> Encoding.NONE;
    };
  }

  /** A folded line (obsolete, RFC 9112 section 5.2): it continues the previous header's value. */
  void continuation(byte[] line, int from, int end) {
    if (lastKept < 0) return;
    while (from < end && isSpace(line[from])) from++;
    values.set(lastKept, values.get(lastKept) + ' ' + text(line, from, end).strip());
  }

  private void contentLength(long n) throws BadResponseException {
    if (n < 0) throw new BadResponseException("bad Content-Length");
    if (contentLength >= 0 && contentLength != n) throw new BadResponseException("two different Content-Lengths");
    contentLength = n;
  }

  private boolean wanted(byte[] line, int from, int to) {
    if (kept == null) return true;
    for (byte[] name : kept) if (named(line, from, to, name)) return true;
    return false;
  }

  private static Encoding encoding(byte[] line, int from, int to) {
    if (equalsIgnoreCase(line, from, to, "gzip") || equalsIgnoreCase(line, from, to, "x-gzip")) return Encoding.GZIP;
    if (equalsIgnoreCase(line, from, to, "deflate") || equalsIgnoreCase(line, from, to, "x-deflate")) return Encoding.DEFLATE;
    return Encoding.NONE;
  }

  /** A decimal number, or -1 when the bytes are not one (or it would overflow). */
  static long digits(byte[] line, int from, int to) {
    if (from >= to || to - from > 18) return -1;
    long n = 0;
    for (int i = from; i < to; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  private static boolean named(byte[] line, int from, int to, byte[] lower) {
    if (to - from != lower.length) return false;
    for (int i = 0; i < lower.length; i++) {
      if (lowerCase(line[from + i]) != lower[i]) return false;
    }
    return true;
  }

  private static boolean equalsIgnoreCase(byte[] line, int from, int to, String lower) {
    if (to - from != lower.length()) return false;
    for (int i = 0; i < lower.length(); i++) if (lowerCase(line[from + i]) != lower.charAt(i)) return false;
    return true;
  }

  /** The Connection header's comma-separated tokens, read once for both that matter. */
  private void connectionTokens(byte[] line, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || line[i] == ',') {
        int a = start, b = i;
        while (a < b && isSpace(line[a])) a++;
        while (b > a && isSpace(line[b - 1])) b--;
        close |= equalsIgnoreCase(line, a, b, "close");
        keepAliveToken |= equalsIgnoreCase(line, a, b, "keep-alive");
        start = i + 1;
      }
    }
  }

  /** Whether the last comma-separated token is {@code lower}: chunked is the final coding. */
  private static boolean endsWithToken(byte[] line, int from, int to, String lower) {
    int start = to;
    while (start > from && line[start - 1] != ',') start--;
    while (start < to && isSpace(line[start])) start++;
    return equalsIgnoreCase(line, start, to, lower);
  }

  private static String text(byte[] line, int from, int to) {
    return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t';
  }

  private static int lowerCase(byte b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
