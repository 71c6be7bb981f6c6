package horde.protocol.sse;

import io.netty.buffer.ByteBuf;
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
 * parser.feed(content, System.nanoTime(), (event, data, nanos) -> ...);
 * }</pre>
 */
public final class SseParser {
  /** Receives each complete event. */
  public interface Listener {
    /** @param event the event's name, {@code message} when it had none */
    void onEvent(String event, String data, long nanos);
  }

  private byte[] line = new byte[256];
  private int length;
  private boolean afterCr;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String event;

  public void reset() {
    length = 0;
    afterCr = false;
    data.setLength(0);
    hasData = false;
    event = null;
    if (line.length > 64 << 10) line = new byte[256];
  }

  public void feed(ByteBuf piece, long nanos, Listener listener) {
    int end = piece.writerIndex();
    for (int i = piece.readerIndex(); i < end; i++) {
      byte b = piece.getByte(i);
      if (b == '\n' && afterCr) {
        afterCr = false; // the LF of a CRLF: the line already ended at the CR
        continue;
      }
      afterCr = b == '\r';
      if (b == '\n' || b == '\r') {
        line(nanos, listener);
      } else {
        if (length == line.length) line = Arrays.copyOf(line, length * 2);
        line[length++] = b;
      }
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
    String field = colon < 0 ? text(0, length) : text(0, colon);
    int from = colon < 0 ? length : colon + 1;
    if (from < length && line[from] == ' ') from++;
    String value = text(from, length);
    length = 0;
    switch (field) {
      case "data" -> {
        if (hasData) data.append('\n');
        data.append(value);
        hasData = true;
      }
      case "event" -> event = value;
      default -> {} // id, retry and unknown fields do not matter for timing
    }
  }

  private void dispatch(long nanos, Listener listener) {
    if (hasData) listener.onEvent(event == null || event.isEmpty() ? "message" : event, data.toString(), nanos);
    data.setLength(0);
    hasData = false;
    event = null;
  }

  private int indexOf(char c) {
    for (int i = 0; i < length; i++) if (line[i] == c) return i;
    return -1;
  }

  private String text(int from, int to) {
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }
}
