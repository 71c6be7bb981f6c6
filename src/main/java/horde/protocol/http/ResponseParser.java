package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * Reads HTTP/1.1 responses straight from a connection's bytes (RFC 9112): status line, headers
 * into a reused {@link ResponseHead}, then the body by its length, in chunks, or until the close,
 * handed on in place as it arrives. Nothing is allocated for an answer whose lines arrive whole
 * and whose headers are not kept: no message objects, no header map, no slices. Netty's
 * {@code HttpResponseDecoder} builds all of these for every answer, about 2 KB, almost all of
 * what a request allocated. One per connection, used on its event loop only.
 */
final class ResponseParser {
  /** Where a response goes. The pieces of body are valid only during the call. */
  interface Sink {
    /** The final answer's head; false when its exchange is over and the rest is to be dropped. */
    boolean onHead(ResponseHead head);

    /** A piece of the (decompressed) body; false as for {@link #onHead}. */
    boolean onContent(ByteBuf piece);

    /** The answer ended. */
    void onEnd();
  }

  private static final int MAX_LINE = 8192;
  private static final int MAX_HEAD = 65536;
  /** How much of a read the head is first looked for in: an ordinary head fits. */
  private static final int WINDOW = 1024;
  private static final byte[] NO_BYTES = {};

  private enum State { START, HEADERS, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DISCARD }

  private final ResponseHead head;
  private final Sink sink;
  private final ByteBufAllocator alloc;
  /** An unfinished line carried over to the next read; null almost always. */
  private ByteBuf pending;
  private State state = State.START;
  private long remaining;
  private int headBytes;
  /** The head's next bytes, copied out of the buffer ({@link #copyWindow}); grown to the longest line. */
  private byte[] window = NO_BYTES;
  private boolean noBody;
  private boolean reading;
  private Inflation inflation;

  ResponseParser(ResponseHead head, Sink sink, ByteBufAllocator alloc) {
    this.head = head;
    this.sink = sink;
    this.alloc = alloc;
  }

  /** A request goes out: its answer has a body unless it answers a HEAD. */
  void expect(boolean headRequest) {
    noBody = headRequest;
    if (state == State.DISCARD) state = State.START;
  }

  /** Reads what the socket read, and releases it. */
  void read(ByteBuf in) throws BadResponseException {
    ByteBuf buf = in;
    if (pending != null) {
      pending.writeBytes(in);
      in.release();
      buf = pending;
    }
    reading = true;
    try {
      parse(buf);
    } catch (BadResponseException | RuntimeException e) {
      state = State.DISCARD;
      throw e;
    } finally {
      reading = false;
      keepRest(buf, in);
    }
  }

  /**
   * The connection closed: an answer read until the close ends here; one cut off in its headers
   * is a bad response; any other is cut short (the connection reports that).
   */
  void closed() throws BadResponseException {
    State was = state;
    state = State.DISCARD;
    if (!reading) releasePending(); // else the read under way lets go of it
    try {
      if (was == State.UNTIL_CLOSE) end();
      else if (was == State.HEADERS) throw new BadResponseException("the connection closed inside the answer's head");
    } finally {
      if (inflation != null) inflation.close();
      inflation = null;
    }
  }

  private void keepRest(ByteBuf buf, ByteBuf in) {
    if (!buf.isReadable() || state == State.DISCARD) {
      if (buf == pending) releasePending();
      else buf.release();
      return;
    }
    if (buf == in) { // rare: a line split between two reads
      pending = alloc.heapBuffer(Math.max(256, in.readableBytes() * 2));
      pending.writeBytes(in);
      in.release();
    } else {
      pending.discardReadBytes();
    }
  }

  private void releasePending() {
    if (pending != null) pending.release();
    pending = null;
  }

  private void parse(ByteBuf buf) throws BadResponseException {
    while (buf.isReadable()) {
      switch (state) {
        case START, HEADERS -> {
          if (!head(buf)) return;
        }
        case FIXED -> {
          int n = (int) Math.min(remaining, buf.readableBytes());
          if (!deliver(buf, n)) return;
          remaining -= n;
          if (remaining == 0) end();
        }
        case CHUNK_SIZE -> {
          if (!chunkSize(buf)) return;
        }
        case CHUNK_DATA -> {
          int n = (int) Math.min(remaining, buf.readableBytes());
          if (!deliver(buf, n)) return;
          remaining -= n;
          if (remaining == 0) state = State.CHUNK_END;
        }
        case CHUNK_END -> {
          int lf = lineEnd(buf, MAX_LINE);
          if (lf < 0) return;
          buf.readerIndex(lf + 1);
          state = State.CHUNK_SIZE;
        }
        case TRAILERS -> {
          int lf = lineEnd(buf, MAX_HEAD);
          if (lf < 0) return;
          boolean empty = contentEnd(buf, lf) == buf.readerIndex();
          buf.readerIndex(lf + 1);
          if (empty) end();
        }
        case UNTIL_CLOSE -> {
          if (!deliver(buf, buf.readableBytes())) return;
        }
        case DISCARD -> buf.skipBytes(buf.readableBytes());
      }
    }
  }

  /** The index of the line's LF, or -1 when it has not all arrived (a line past {@code max} is bad). */
  private static int lineEnd(ByteBuf buf, int max) throws BadResponseException {
    int lf = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\n');
    if (lf < 0 && buf.readableBytes() > max) throw new BadResponseException("a line of the answer is longer than " + max + " bytes");
    return lf;
  }

  /** Where the line ending at {@code lf} has its content end (before a CR). */
  private static int contentEnd(ByteBuf buf, int lf) {
    return lf > buf.readerIndex() && buf.getByte(lf - 1) == '\r' ? lf - 1 : lf;
  }

  /**
   * Reads the head's lines from a copy of the buffer's next bytes, made once a read: each line is
   * found and read in that array rather than from the buffer, each of whose reads brings its bounds
   * and reference checks (less code for the JIT to compile in a run's first seconds, and less to
   * run). Returns false when the rest of the head has not arrived; the lines read so far are taken.
   */
  private boolean head(ByteBuf buf) throws BadResponseException {
    int size = WINDOW;
    while (true) {
      int from = buf.readerIndex(), n = copyWindow(buf, size);
      byte[] b = window;
      int at = 0;
      while (true) {
        if (state == State.START) while (at < n && isBlank(b[at])) at++; // stray line ends
        int lf = at;
        while (lf < n && b[lf] != '\n') lf++;
        if (lf == n) break;
        int end = lf > at && b[lf - 1] == '\r' ? lf - 1 : lf;
        if (state == State.START) {
          statusLine(b, at, end);
          headBytes = lf + 1 - at;
          state = State.HEADERS;
        } else {
          headBytes += lf + 1 - at;
          if (headBytes > MAX_HEAD) throw new BadResponseException("the answer's head is longer than " + MAX_HEAD + " bytes");
          if (end == at) {
            buf.readerIndex(from + lf + 1);
            return headEnd();
          }
          headerLine(b, at, end);
        }
        at = lf + 1;
      }
      buf.readerIndex(from + at);
      int max = state == State.START ? MAX_LINE : MAX_HEAD - headBytes, seen = n - at;
      if (seen > max) throw new BadResponseException("a line of the answer is longer than " + max + " bytes");
      if (seen == buf.readableBytes()) return false; // the rest of the line has not arrived
      size = Math.min(2 * Math.max(size, seen), max + 1); // the window ended inside a line: a larger one
    }
  }

  /** Copies up to {@code size} of the buffer's readable bytes to the start of {@link #window}; returns how many. */
  private int copyWindow(ByteBuf buf, int size) {
    int n = Math.min(buf.readableBytes(), size);
    if (n > window.length) window = new byte[Math.max(n, 2 * window.length)];
    // Through the buffer's own NIO view: getBytes of a direct buffer makes a duplicate of it, which
    // the JIT did not always take away (64 bytes a response in ResponseParserBenchmark).
    ByteBuffer nio = buf.internalNioBuffer(buf.readerIndex(), n);
    nio.get(nio.position(), window, 0, n);
    return n;
  }

  private void statusLine(byte[] b, int at, int end) throws BadResponseException {
    head.reset();
    if (end - at < 12 || !startsWithVersion(b, at) || b[at + 8] != ' ') throw new BadResponseException("not an HTTP/1.x status line");
    head.http10 = b[at + 7] == '0';
    int code = (int) ResponseHead.digits(b, at + 9, at + 12);
    if (code < 100 || (end - at > 12 && b[at + 12] != ' ')) throw new BadResponseException("bad status code");
    head.status = code;
  }

  private static boolean startsWithVersion(byte[] b, int at) {
    return b[at] == 'H' && b[at + 1] == 'T' && b[at + 2] == 'T' && b[at + 3] == 'P' && b[at + 4] == '/'
        && b[at + 5] == '1' && b[at + 6] == '.' && b[at + 7] >= '0' && b[at + 7] <= '9';
  }

  private void headerLine(byte[] b, int at, int end) throws BadResponseException {
    if (ResponseHead.isSpace(b[at])) {
      head.continuation(b, at, end);
      return;
    }
    int colon = at;
    while (colon < end && b[colon] != ':') colon++;
    if (colon == at || colon == end) throw new BadResponseException("a header line without a name and colon");
    head.header(b, at, colon, end);
  }

  private boolean headEnd() throws BadResponseException {
    int s = head.status;
    if (s < 200 && s != 101) { // an interim answer (100 Continue, 103 Early Hints): the final one follows
      state = State.START;
      return true;
    }
    if (s == 101) head.close = true; // a protocol switch this client does not make
    boolean empty = noBody || s == 101 || s == 204 || s == 304;
    state = State.DISCARD;
    if (!sink.onHead(head)) return false;
    if (empty) {
      end();
    } else if (head.chunked) {
      state = State.CHUNK_SIZE;
    } else if (head.contentLength >= 0) {
      remaining = head.contentLength;
      state = State.FIXED;
      if (remaining == 0) end();
    } else {
      state = State.UNTIL_CLOSE;
    }
    if (state != State.START && head.encoding != ResponseHead.Encoding.NONE) inflation = new Inflation(head.encoding);
    return true;
  }

  private boolean chunkSize(ByteBuf buf) throws BadResponseException {
    int lf = lineEnd(buf, MAX_LINE);
    if (lf < 0) return false;
    int from = buf.readerIndex(), end = contentEnd(buf, lf);
    long size = 0;
    int i = from;
    for (; i < end; i++) {
      int d = Character.digit(buf.getByte(i), 16);
      if (d < 0) break;
      if (i - from >= 15) throw new BadResponseException("a chunk size too large");
      size = size * 16 + d;
    }
    if (i == from || (i < end && buf.getByte(i) != ';' && !ResponseHead.isSpace(buf.getByte(i)))) {
      throw new BadResponseException("a bad chunk size");
    }
    buf.readerIndex(lf + 1);
    remaining = size;
    state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
    return true;
  }

  /** Hands on {@code n} bytes in place (or decompressed); false when the sink wants no more. */
  private boolean deliver(ByteBuf buf, int n) throws BadResponseException {
    if (n == 0) return true;
    int from = buf.readerIndex(), to = from + n, writer = buf.writerIndex();
    boolean more;
    if (inflation != null) {
      more = inflation.inflate(buf.retainedSlice(from, n), sink);
    } else {
      buf.writerIndex(to);
      try {
        more = sink.onContent(buf);
      } finally {
        buf.setIndex(to, writer);
      }
    }
    buf.readerIndex(to);
    if (!more) state = State.DISCARD;
    return more;
  }

  private void end() throws BadResponseException {
    Inflation inflating = inflation;
    inflation = null;
    state = State.START;
    if (inflating != null && !inflating.finish(sink)) {
      state = State.DISCARD;
      return;
    }
    sink.onEnd();
  }

  private static boolean isBlank(byte b) {
    return b == '\r' || b == '\n' || b == ' ' || b == '\t';
  }
}
