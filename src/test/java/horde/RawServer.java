package horde;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP server on 127.0.0.1 that misbehaves on purpose, for failure tests: each connection gets
 * {@link Behaviour#serve} after its first request has been read, and the server counts the
 * requests it read.
 */
public final class RawServer implements AutoCloseable {
  public interface Behaviour {
    void serve(Socket s, OutputStream out) throws IOException;
  }

  /** Resets the connection (RST) instead of answering. */
  public static final Behaviour RESET = (s, out) -> {
    s.setSoLinger(true, 0);
    s.close();
  };

  /** Closes the connection cleanly without answering. */
  public static final Behaviour CLOSE = (s, out) -> s.close();

  /** Answers with bytes that are not HTTP. */
  public static final Behaviour GARBAGE = (s, out) -> {
    out.write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    s.close();
  };

  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)");
  /** The answer {@link #answerOnceThenClose} gives: a keep-alive 200 with a two-byte body. */
  public static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
      .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicLong requests = new AtomicLong();

  public RawServer(Behaviour behaviour) throws IOException {
    socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(() -> {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          Thread.ofVirtual().start(() -> handle(s, behaviour));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  /**
   * A server that answers the first request of each connection as if it kept the connection open,
   * then reads the second request and closes without answering it.
   */
  public static RawServer answerOnceThenClose() throws IOException {
    RawServer[] server = new RawServer[1];
    server[0] = new RawServer((s, out) -> {
      out.write(OK);
      out.flush();
      server[0].readRequest(s.getInputStream());
      s.close();
    });
    return server[0];
  }

  private void handle(Socket s, Behaviour behaviour) {
    try (s) {
      if (!readRequest(s.getInputStream())) return;
      behaviour.serve(s, s.getOutputStream());
    } catch (IOException ignored) {
      // the client went away: fine for a misbehaving server
    }
  }

  /**
   * Reads one whole request, its head and a {@code Content-Length} body, and counts it; false when
   * the client closed the connection first. For behaviours that read the next request themselves.
   */
  public boolean readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int matched = 0;
    while (matched < 4) { // read up to the blank line ending the request head
      int c = in.read();
      if (c < 0) return false;
      head.append((char) c);
      matched = (c == '\r' || c == '\n') ? (c == "\r\n\r\n".charAt(matched) ? matched + 1 : 0) : 0;
    }
    Matcher length = CONTENT_LENGTH.matcher(head);
    if (length.find() && in.readNBytes(Integer.parseInt(length.group(1))).length < Integer.parseInt(length.group(1))) return false;
    requests.incrementAndGet();
    return true;
  }

  /** Whole requests read so far, over every connection. */
  public long requests() {
    return requests.get();
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}
