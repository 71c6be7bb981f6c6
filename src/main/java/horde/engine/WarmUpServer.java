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
 * warm-up, nginx's chunked answers deoptimised the parser in the run's first second). Written on the JDK's
 * own channels, not Netty, so that the profiles the JIT compiles Netty's code from are the client's
 * alone. It frames requests by their head and Content-Length only: a request it cannot frame (a
 * chunked body) closes its connection, which the warm-up does not count anyway.
 */
final class WarmUpServer implements AutoCloseable {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
  private final ServerSocketChannel listener;
  private final Selector selector;
  private final Thread thread;
  private final byte[][] answers = answers();
  /** Which answer goes next: they alternate over the server's requests. */
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
    return new byte[][] {sized.getBytes(StandardCharsets.US_ASCII), chunked.getBytes(StandardCharsets.US_ASCII)};
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
      while ((c = listener.accept()) != null) {
        c.configureBlocking(false).register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(1 << 14));
      }
    } catch (IOException e) {
      LockSupport.parkNanos(10_000_000); // out of descriptors: let the client's failures free some
    }
  }

  /** Reads what came, answers each whole request in it, keeps a partial one for the next read. */
  private void read(SelectionKey key, ByteBuffer out) {
    SocketChannel c = (SocketChannel) key.channel();
    ByteBuffer in = (ByteBuffer) key.attachment();
    try {
      if (c.read(in) < 0 || !in.hasRemaining()) throw new IOException("closed, or a request too large");
      in.flip();
      out.clear();
      int answers = 0;
      for (int end; (end = requestEnd(in)) > 0; answers++) in.position(end);
      in.compact();
      for (int i = 0; i < answers; i++) {
        byte[] answer = this.answers[next++ & 1];
        if (out.remaining() < answer.length) flush(c, out);
        out.put(answer);
      }
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

  private static void flush(SocketChannel c, ByteBuffer out) throws IOException {
    out.flip();
    while (out.hasRemaining()) c.write(out); // a few hundred bytes to a loopback socket: it takes them
    out.clear();
  }

  /** Where the first whole request in {@code in} ends, 0 if it has not all come; throws for a chunked body. */
  private static int requestEnd(ByteBuffer in) throws IOException {
    int start = in.position();
    int limit = in.limit();
    long body = 0;
    int line = start;
    for (int i = start; i < limit; i++) {
      if (in.get(i) != '\n') continue;
      if (i - line <= 1) { // the blank line that ends the head
        long end = i + 1 + body;
        return end <= limit ? (int) end : 0;
      }
      if (startsWith(in, line, CONTENT_LENGTH)) body = digits(in, line + CONTENT_LENGTH.length, i);
      else if (startsWith(in, line, TRANSFER_ENCODING)) throw new IOException("a chunked body");
      line = i + 1;
    }
    return 0;
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
