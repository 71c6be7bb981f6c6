package horde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on loopback for the servers tests start. */
public final class Ports {
  private Ports() {}

  /** A port free on 127.0.0.1 now (a server started next will most likely get it). */
  public static int free() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code n} ports free now and different from each other: each held until all are found, since
   * ports asked for one after the other may be the same one again (a server with two of them then
   * fails with "duplicate listen").
   */
  public static int[] distinct(int n) {
    ServerSocket[] held = new ServerSocket[n];
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = held[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket s : held) {
        try {
          if (s != null) s.close();
        } catch (IOException ignored) { // a port we only looked at
        }
      }
    }
  }
}
