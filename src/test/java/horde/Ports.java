package horde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on loopback for the servers tests start. They are taken below the kernel's ephemeral
 * range: a port from that range (what {@code new ServerSocket(0)} hands out) can be taken by any
 * outgoing connection of the other test JVM between the moment it is found free and the moment a
 * server binds it ("Address already in use"); a port below it is only ever taken by a bind.
 */
public final class Ports {
  private static final int LOWEST = 15_000;
  private static final int ABOVE = firstEphemeral();

  private Ports() {}

  /** A port free on 127.0.0.1 now, outside the range outgoing connections draw from. */
  public static int free() {
    return distinct(1)[0];
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
        held[i] = bindFree();
        ports[i] = held[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        try {
          if (s != null) s.close();
        } catch (IOException ignored) { // a port we only looked at
        }
      }
    }
  }

  private static ServerSocket bindFree() {
    for (int attempt = 0; attempt < 200 && ABOVE > LOWEST; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE);
      try {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
      } catch (IOException taken) { // another test's server: try another
      }
    }
    try {
      return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lowest port the kernel gives outgoing connections (32768 when it cannot be read). */
  private static int firstEphemeral() {
    try {
      return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
