package horde;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP server on 127.0.0.1 that misbehaves on purpose, for failure tests: each connection gets
 * {@link Behaviour#serve} after the request head has been read.
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

  private final ServerSocket socket;
  private final Thread acceptor;

  public RawServer(Behaviour behaviour) throws IOException {
    socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
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

  private static void handle(Socket s, Behaviour behaviour) {
    try (s) {
      InputStream in = s.getInputStream();
      int matched = 0;
      while (matched < 4) { // read up to the blank line ending the request head
        int c = in.read();
        if (c < 0) return;
        matched = (c == '\r' || c == '\n') ? (c == "\r\n\r\n".charAt(matched) ? matched + 1 : 0) : 0;
      }
      behaviour.serve(s, s.getOutputStream());
    } catch (IOException ignored) {
      // the client went away: fine for a misbehaving server
    }
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
