package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * A request's headers as name/value pairs in order, kept in one reused text buffer: filling it
 * allocates nothing once it has grown. Host, Content-Length and the jar's cookies are not in it: the
 * connection adds them for the request it actually sends (a redirect's too), the jar's cookies
 * joined to a Cookie header written by hand, as one header (RFC 6265 allows no second). Each protocol encodes
 * the pairs its own way: HTTP/1.1 text lines, HTTP/2 header frames.
 *
 * <pre>{@code
 * headers.clear();
 * headers.add("Accept", "application/json");
 * template.render(scope, headers.beginValue("Authorization"));  // the value straight into the buffer
 * headers.endValue();
 * }</pre>
 */
public final class HeaderList {
  private static final byte[] COLON_SPACE = {':', ' '};
  private static final short CRLF = ('\r' << 8) | '\n';

  private final StringBuilder text = new StringBuilder(128);
  /** Per header: where its name ends and where its value ends (the next name starts there). */
  private int[] ends = new int[32];
  private int size;

  public void clear() {
    text.setLength(0);
    size = 0;
  }

  public void add(CharSequence name, CharSequence value) {
    beginValue(name).append(value);
    endValue();
  }

  /** Adds a name; its value is what the caller appends to the returned buffer before {@link #endValue}. */
  public StringBuilder beginValue(CharSequence name) {
    if (2 * size + 2 > ends.length) ends = Arrays.copyOf(ends, ends.length * 2);
    text.append(name);
    ends[2 * size] = text.length();
    return text;
  }

  /** Ends the value begun with {@link #beginValue}; a line break in it becomes a space (a value must not add headers). */
  public void endValue() {
    int start = ends[2 * size];
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') text.setCharAt(i, ' ');
    }
    ends[2 * size + 1] = text.length();
    size++;
  }

  public int size() {
    return size;
  }

  public String name(int i) {
    return text.substring(i == 0 ? 0 : ends[2 * i - 1], ends[2 * i]);
  }

  public String value(int i) {
    return text.substring(ends[2 * i], ends[2 * i + 1]);
  }

  /** The value of the first header of this name (ignoring case), or null. */
  public String get(String name) {
    for (int i = 0; i < size; i++) if (name(i).equalsIgnoreCase(name)) return value(i);
    return null;
  }

  /** How many chars the names and values take (for a buffer's size). */
  int textLength() {
    return text.length();
  }

  /** The index of the first header of this name (ignoring case), or -1; allocates nothing. */
  int indexOf(String name) {
    for (int i = 0, start = 0; i < size; start = ends[2 * i + 1], i++) {
      if (ends[2 * i] - start != name.length()) continue;
      int c = 0;
      while (c < name.length() && Character.toLowerCase(text.charAt(start + c)) == Character.toLowerCase(name.charAt(c))) c++;
      if (c == name.length()) return i;
    }
    return -1;
  }

  /** Writes each pair but the one at {@code skip} (-1: none) as an HTTP/1.1 header line. */
  void writeHttp1(ByteBuf buf, int skip) {
    int start = 0;
    for (int i = 0; i < size; start = ends[2 * i + 1], i++) {
      if (i == skip) continue;
      ByteBufUtil.writeUtf8(buf, text, start, ends[2 * i]);
      buf.writeBytes(COLON_SPACE);
      ByteBufUtil.writeUtf8(buf, text, ends[2 * i], ends[2 * i + 1]);
      buf.writeShort(CRLF);
    }
  }

  /** A copy that no later fill of this list changes. */
  public HeaderList copy() {
    HeaderList c = new HeaderList();
    c.text.append(text);
    c.ends = Arrays.copyOf(ends, ends.length);
    c.size = size;
    return c;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < size; i++) out.append(name(i)).append(": ").append(value(i)).append("\r\n");
    return out.toString();
  }
}
