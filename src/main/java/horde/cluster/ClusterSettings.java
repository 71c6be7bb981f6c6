package horde.cluster;

import java.util.List;
import java.util.Objects;

/**
 * Where a node of a Horde cluster listens and how it finds the others: the same for a coordinator
 * and its workers.
 *
 * @param cluster the cluster's name; nodes join only a cluster of the same name
 * @param node this node's name in reports (a worker's name in the per-worker table)
 * @param bind the address cluster traffic is bound to: an IP or host name, or one of JGroups'
 *     {@code site_local}, {@code non_loopback}, {@code match-interface:eth.*}...; loopback unless told
 * @param port the port to listen on (the next few are tried when it is taken)
 * @param hosts where to look for the other nodes, {@code host:port} each (TCPPING); empty with a DNS query
 * @param dnsQuery a DNS name whose A records are the nodes (a Kubernetes headless Service:
 *     DNS_PING), or null
 * @param secret the shared secret members prove they know (JGroups AUTH) and messages are
 *     encrypted with, or null for none; never shown
 */
public record ClusterSettings(String cluster, String node, String bind, int port, List<String> hosts, String dnsQuery,
    String secret) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_PORT = 7800;

  public ClusterSettings {
    Objects.requireNonNull(cluster, "cluster");
    if (cluster.isBlank()) throw new IllegalArgumentException("--cluster: give the cluster a name");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("--cluster-port: " + port + " is not a port");
    bind = bind == null || bind.isBlank() ? LOOPBACK : bind.strip();
    hosts = List.copyOf(hosts == null ? List.of() : hosts);
    dnsQuery = dnsQuery == null || dnsQuery.isBlank() ? null : dnsQuery.strip();
    secret = secret == null || secret.isEmpty() ? null : secret;
  }

  /** Whether the traffic stays on this machine. */
  public boolean loopback() {
    return bind.startsWith("127.") || bind.equals("::1") || bind.equalsIgnoreCase("localhost")
        || bind.equalsIgnoreCase("loopback");
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "cluster " + cluster + " (" + node + " on " + bind + ":" + port + (secret == null ? "" : ", with a secret") + ")";
  }
}
