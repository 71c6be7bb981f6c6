package horde.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.locks.LockSupport;

/**
 * The JIT warm-up's target: a server in this process, on 127.0.0.1, answering every HTTP/1.1
 * request with a short answer shaped as a web server's, one with a Content-Length and the next with
 * a chunked body and more headers, so the client's parser meets both framings and the usual
 * headers: a target's answers take a path the profiles have seen (with only Content-Length in the
 * warm-up, nginx's chunked answers deoptimised the parser in the run's first second). Every eighth
 * answer has a body of 4 KB: Netty sizes a connection's reads from the last ones, and with short
 * answers only, the sizing never grew in the warm-up's short-lived connections, so the compiled read
 * path met that branch a few seconds into the run, once its connections' sizes had settled, and was
 * deoptimised there.
 *
 * <p>Written on the JDK's own channels, not Netty, so that the profiles the JIT compiles Netty's code
 * from are the client's alone. It frames requests by their head and Content-Length only, skipping
 * bodies of any size: a request it cannot frame (a chunked body) closes its connection, which the
 * warm-up does not count.
 */
final class WarmUpServer implements AutoCloseable {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
  private final ServerSocketChannel listener;
  private final Selector selector;
  private final Thread thread;
  private final byte[][] answers = answers();
  /** Which answer goes next: they take turns over the server's requests. */
  private int next;
  private volatile boolean closed;

  WarmUpServer() {
    try {
      selector = Selector.open();
      listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
      listener.configureBlocking(false).register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::serve, "horde-warm-up-server");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    try {
      return (InetSocketAddress) listener.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    selector.wakeup();
    thread.join(2_000);
  }

  private static byte[][] answers() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String sized = "HTTP/1.1 200 OK\r\nServer: horde-warm-up\r\nDate: " + date + "\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 3\r\nConnection: keep-alive\r\n\r\nok\n";
    String chunked = "HTTP/1.1 200 OK\r\nServer: horde-warm-up\r\nDate: " + date + "\r\n"
        + "Content-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n"
        + "Cache-Control: no-cache\r\nVary: Accept-Encoding\r\n\r\n3\r\nok\n\r\n0\r\n\r\n";
    String large = "HTTP/1.1 200 OK\r\nServer: horde-warm-up\r\nDate: " + date + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: 4096\r\nConnection: keep-alive\r\n\r\n{\"text\":\"" + "x".repeat(4096 - 12) + "\"}\n";
    byte[] s = sized.getBytes(StandardCharsets.US_ASCII);
    byte[] c = chunked.getBytes(StandardCharsets.US_ASCII);
    return new byte[][] {s, c, s, c, s, c, s, large.getBytes(StandardCharsets.US_ASCII)}; // a power of two: taken by a mask
  }

  private void serve() {
    ByteBuffer out = ByteBuffer.allocateDirect(1 << 16);
    try (selector; listener) {
      while (!closed) {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) continue;
          if (key.isAcceptable()) accept();
          else if (key.isReadable()) read(key, out);
        }
        selector.selectedKeys().clear();
      }
      for (SelectionKey key : selector.keys()) key.channel().close();
    } catch (IOException e) {
      // the warm-up's requests fail, uncounted; the run goes on
    }
  }

  /** Takes the connections waiting; one it cannot take (no descriptor left) stays queued for the next turn. */
  private void accept() {
    try {
      SocketChannel c;
      while ((c = listener.accept()) != null) c.configureBlocking(false).register(selector, SelectionKey.OP_READ, new Peer());
    } catch (IOException e) {
      LockSupport.parkNanos(10_000_000); // out of descriptors: let the client's failures free some
    }
  }

  /** A connection's reading state: the head read so far, and the body bytes still to skip. */
  private static final class Peer {
    final ByteBuffer in = ByteBuffer.allocate(1 << 14);
    /** -1 between requests: the next bytes are a head. */
    long bodyLeft = -1;
  }

  /**
   * Reads what came and answers each request whose body has all come: its head is kept until
   * whole (a head over 16 KB closes the connection), its body is skipped however long.
   */
  private void read(SelectionKey key, ByteBuffer out) {
    SocketChannel c = (SocketChannel) key.channel();
    Peer p = (Peer) key.attachment();
    try {
      if (c.read(p.in) < 0) throw new IOException("closed");
      p.in.flip();
      out.clear();
      while (true) {
        if (p.bodyLeft < 0) {
          int end = headEnd(p.in);
          if (end == 0) break;
          p.bodyLeft = bodyLength(p.in, end);
          p.in.position(end);
        }
        int skip = (int) Math.min(p.bodyLeft, p.in.remaining());
        p.in.position(p.in.position() + skip);
        p.bodyLeft -= skip;
        if (p.bodyLeft > 0) break;
        p.bodyLeft = -1;
        byte[] answer = answers[next++ & (answers.length - 1)];
        if (out.remaining() < answer.length) flush(c, out);
        out.put(answer);
      }
      p.in.compact();
      if (!p.in.hasRemaining()) throw new IOException("a head over 16 KB");
      flush(c, out);
    } catch (IOException e) {
      key.cancel();
      try {
        c.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Writes {@code out} whole: a few hundred bytes a turn to a loopback socket whose client reads them. */
  private void flush(SocketChannel c, ByteBuffer out) throws IOException {
    out.flip();
    while (out.hasRemaining() && !closed) c.write(out);
    out.clear();
  }

  /** The index after the head's blank line, 0 while it has not all come. */
  private static int headEnd(ByteBuffer in) {
    int line = in.position();
    for (int i = line; i < in.limit(); i++) {
      if (in.get(i) != '\n') continue;
      if (i - line <= 1) return i + 1;
      line = i + 1;
    }
    return 0;
  }

  /** The body's Content-Length in the head before {@code end}, 0 without one; throws for a chunked body. */
  private static long bodyLength(ByteBuffer in, int end) throws IOException {
    long body = 0;
    int line = in.position();
    for (int i = line; i < end; i++) {
      if (in.get(i) != '\n') continue;
      if (startsWith(in, line, CONTENT_LENGTH)) body = digits(in, line + CONTENT_LENGTH.length, i);
      else if (startsWith(in, line, TRANSFER_ENCODING)) throw new IOException("a chunked body");
      line = i + 1;
    }
    return body;
  }

  private static long digits(ByteBuffer in, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      byte b = in.get(i);
      if (b >= '0' && b <= '9') n = n * 10 + (b - '0');
    }
    return n;
  }

  private static boolean startsWith(ByteBuffer in, int at, byte[] name) {
    if (at + name.length > in.limit()) return false;
    for (int i = 0; i < name.length; i++) {
      if (Character.toLowerCase(in.get(at + i)) != name[i]) return false;
    }
    return true;
  }
}
