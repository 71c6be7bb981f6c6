package horde.protocol.sse;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Server-Sent Events parser fed with body pieces as they arrive: lines end with LF, CRLF or CR
 * (also when a piece ends between CR and LF, or inside a multi-byte character); {@code data:}
 * lines accumulate, {@code event:} names the event, lines starting with {@code :} are comments,
 * a blank line dispatches. Each event is stamped with the arrival time of the piece that
 * completed it. One parser per stream at a time; {@link #reset()} between streams.
 *
 * <pre>{@code
 * parser.reset();
 * parser.feed(content, System.nanoTime(), (event, data, length, nanos) -> ...);
 * }</pre>
 */
public final class SseParser {
  /** Receives each complete event. */
  public interface Listener {
    /**
     * @param event the event's name, {@code message} when it had none
     * @param data the event's data lines joined by LF, UTF-8, in {@code data[0, length)}: the parser's
     *     own array, valid until this call returns (a listener that reads JSON from it makes no string)
     */
    void onEvent(String event, byte[] data, int length, long nanos);
  }

  private static final byte[] DATA = {'d', 'a', 't', 'a'}, EVENT = {'e', 'v', 'e', 'n', 't'};

  private byte[] line = new byte[256];
  private int length;
  private boolean afterCr;
  /** The event's data lines, joined by LF, as bytes: handed over as they are. */
  private byte[] data = new byte[256];
  private int dataLength;
  private boolean hasData;
  private String event;

  public void reset() {
    length = 0;
    afterCr = false;
    dataLength = 0;
    hasData = false;
    event = null;
    if (line.length > 64 << 10) line = new byte[256];
    if (data.length > 64 << 10) data = new byte[256];
  }

  /** Reads the piece a line at a time: each line's bytes are copied in one go, found by Netty's own scan. */
  public void feed(ByteBuf piece, long nanos, Listener listener) {
    int i = piece.readerIndex(), end = piece.writerIndex();
    while (i < end) {
      if (afterCr) {
        afterCr = false;
        if (piece.getByte(i) == '\n') { // the LF of a CRLF: the line already ended at the CR
          i++;
          continue;
        }
      }
      int eol = piece.forEachByte(i, end - i, ByteProcessor.FIND_CRLF);
      int n = (eol < 0 ? end : eol) - i;
      if (length + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
      piece.getBytes(i, line, length, n);
      length += n;
      if (eol < 0) return;
      afterCr = piece.getByte(eol) == '\r';
      line(nanos, listener);
      i = eol + 1;
    }
  }

  private void line(long nanos, Listener listener) {
    if (length == 0) {
      dispatch(nanos, listener);
      return;
    }
    int colon = indexOf(':');
    if (colon == 0) {
      length = 0; // a comment
      return;
    }
    int name = colon < 0 ? length : colon;
    int from = colon < 0 ? length : colon + 1;
    if (from < length && line[from] == ' ') from++;
    if (is(DATA, name)) {
      int n = length - from + 1; // with the LF that joins it to the line before
      if (dataLength + n > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + n));
      if (hasData) data[dataLength++] = '\n';
      System.arraycopy(line, from, data, dataLength, length - from);
      dataLength += length - from;
      hasData = true;
    } else if (is(EVENT, name)) {
      event = new String(line, from, length - from, StandardCharsets.UTF_8);
    } // id, retry and unknown fields do not matter for timing
    length = 0;
  }

  private boolean is(byte[] field, int nameLength) {
    return nameLength == field.length && Arrays.equals(line, 0, nameLength, field, 0, nameLength);
  }

  private void dispatch(long nanos, Listener listener) {
    if (hasData) {
      String name = event == null || event.isEmpty() ? "message" : event;
      listener.onEvent(name, data, dataLength, nanos);
    }
    dataLength = 0;
    hasData = false;
    event = null;
  }

  private int indexOf(char c) {
    for (int i = 0; i < length; i++) if (line[i] == c) return i;
    return -1;
  }
}
