package horde.cli;

import horde.cluster.ClusterSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a coordinator or worker joins its cluster, for {@code run --cluster} and {@code worker}. */
final class ClusterFlags {
  static final String SECRET_VARIABLE = "HORDE_CLUSTER_SECRET";

  @Option(names = "--cluster", paramLabel = "NAME", description = "Run across the workers of this cluster (horde worker --cluster NAME).")
  String cluster;

  @Option(names = "--cluster-bind", paramLabel = "ADDRESS",
      description = "Address cluster traffic is bound to: an IP, or site_local, non_loopback, match-interface:eth0 (default 127.0.0.1).")
  String bind;

  @Option(names = "--cluster-port", paramLabel = "PORT", description = "Port to listen on (default 7800; the next free one up to +10).")
  int port = ClusterSettings.DEFAULT_PORT;

  @Option(names = "--cluster-hosts", split = ",", paramLabel = "HOST[:PORT]",
      description = "Where the other members are (default: this address and port).")
  List<String> hosts;

  @Option(names = "--cluster-dns", paramLabel = "NAME",
      description = "Find the members by this DNS name's A records instead (a Kubernetes headless Service).")
  String dns;

  @Option(names = "--cluster-secret", paramLabel = "SECRET",
      description = "Shared secret members must know; all traffic is encrypted with it (default: $" + SECRET_VARIABLE + ").")
  String secret;

  @Option(names = "--name", paramLabel = "NAME", description = "This member's name in reports (default: the host name).")
  String name;

  boolean given() {
    return cluster != null;
  }

  ClusterSettings settings(String role) {
    String s = secret != null ? secret : System.getenv(SECRET_VARIABLE);
    return new ClusterSettings(cluster, name != null ? name : defaultName(role), bind, port, hosts, dns, s);
  }

  /** The host name (a pod's name in Kubernetes); with the process id when several may share a host. */
  private static String defaultName(String role) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = System.getenv().getOrDefault("HOSTNAME", "horde");
    }
    long pid = ProcessHandle.current().pid();
    String base = pid == 1 ? host : host + "-" + pid;
    return role.isEmpty() ? base : role + "-" + base;
  }
}
