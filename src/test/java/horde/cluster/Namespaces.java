package horde.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test hosts of the test's own: network namespaces, each with one address on a bridge in a hub
 * namespace, joined by veth pairs made directly inside them (the machine's own namespace is never
 * touched). Addresses come from 198.18.0.0/24 (RFC 2544's range for benchmarks). Everything is
 * removed on close.
 */
final class Namespaces implements AutoCloseable {
  private final String prefix;
  private final List<String> made = new ArrayList<>();
  private final List<String> hosts = new ArrayList<>();

  private Namespaces(String prefix) {
    this.prefix = prefix;
  }

  /**
   * {@code count} hosts, host {@code i} at {@code 198.18.0.(10 + i)}.
   *
   * @throws IOException with {@code ip}'s own words when namespaces cannot be made here
   */
  static Namespaces create(String prefix, int count) throws IOException, InterruptedException {
    Namespaces n = new Namespaces(prefix);
    try {
      String hub = prefix + "hub";
      n.add(hub);
      ip("-n", hub, "link", "add", "br0", "type", "bridge");
      ip("-n", hub, "link", "set", "br0", "up");
      for (int i = 0; i < count; i++) {
        String host = prefix + i;
        n.add(host);
        ip("link", "add", "name", "eth0", "netns", host, "type", "veth", "peer", "name", "p" + i, "netns", hub);
        ip("-n", hub, "link", "set", "p" + i, "master", "br0");
        ip("-n", hub, "link", "set", "p" + i, "up");
        ip("-n", host, "addr", "add", address(i) + "/24", "dev", "eth0");
        ip("-n", host, "link", "set", "eth0", "up");
        ip("-n", host, "link", "set", "lo", "up");
        n.hosts.add(host);
      }
      return n;
    } catch (IOException | InterruptedException | RuntimeException e) {
      n.close();
      throw e;
    }
  }

  static String address(int host) {
    return "198.18.0." + (10 + host);
  }

  /** The command prefix that runs a program on host {@code i}. */
  List<String> on(int host) {
    return List.of("ip", "netns", "exec", hosts.get(host));
  }

  /** Cuts host {@code host} off from {@code others} both ways (blackhole routes), as a pulled cable would; the rest still reach it. */
  void cut(int host, int... others) throws IOException, InterruptedException {
    for (int o : others) {
      ip("-n", hosts.get(host), "route", "add", "blackhole", address(o) + "/32");
      ip("-n", hosts.get(o), "route", "add", "blackhole", address(host) + "/32");
    }
  }

  private void add(String name) throws IOException, InterruptedException {
    ip("netns", "add", name);
    made.add(name);
  }

  private static void ip(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + ": no answer in 10 s");
    }
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": " + said);
  }

  /** Deletes the namespaces (their interfaces go with them). */
  @Override
  public void close() {
    for (int i = made.size() - 1; i >= 0; i--) {
      try {
        ip("netns", "del", made.get(i));
      } catch (IOException e) {
        // already gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
