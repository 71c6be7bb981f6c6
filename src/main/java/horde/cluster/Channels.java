package horde.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.JChannel;
import org.jgroups.Receiver;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.jgroups.util.StackType;
import org.jgroups.util.Util;

/**
 * Opens a node's JGroups channel: TCP bound to the given address (no multicast anywhere),
 * discovery by a static host list (TCPPING) or a DNS name (DNS_PING), failure detection by closed
 * sockets (FD_SOCK2, a killed process at once) and heartbeats (FD_ALL3, a cut-off one within
 * {@link #HEARTBEAT_TIMEOUT_MS} ms), reliable ordered messages, and with a secret, AUTH for joining
 * and SYM_ENCRYPT for every message.
 */
final class Channels {
  static final long HEARTBEAT_TIMEOUT_MS = 5_000;
  /** Transport ports tried after the given one when it is taken. */
  static final int PORT_RANGE = 10;
  private static final byte[] SALT = "horde-cluster-v1".getBytes(StandardCharsets.UTF_8);
  /** Held: the logging framework keeps loggers only weakly, and a collected one forgets its level. */
  private static final Logger JGROUPS_LOG = Logger.getLogger("org.jgroups");

  private Channels() {}

  static JChannel open(ClusterSettings s, Receiver receiver) throws Exception {
    quietLogs();
    JChannel channel = new JChannel(stack(s)).name(s.node());
    channel.setReceiver(receiver);
    channel.connect(s.cluster());
    return channel;
  }

  /**
   * JGroups' own messages (a peer that went away, a message from a member that does not know the
   * secret) are expected in a cluster's life: Horde says what matters itself. {@code
   * -Dhorde.cluster.log=INFO} shows them.
   */
  private static void quietLogs() {
    JGROUPS_LOG.setLevel(Level.parse(System.getProperty("horde.cluster.log", "OFF")));
  }

  static List<Protocol> stack(ClusterSettings s) throws Exception {
    InetAddress bind = address(s.bind());
    List<Protocol> p = new ArrayList<>();
    TCP tcp = new TCP();
    tcp.setBindAddress(bind);
    tcp.setBindPort(s.port());
    tcp.setPortRange(PORT_RANGE);
    p.add(tcp);
    p.add(s.dnsQuery() != null ? new DNS_PING().dnsQuery(s.dnsQuery()).dnsRecordType("A")
        : new TCPPING().initialHosts(hosts(s)).portRange(PORT_RANGE));
    p.add(new MERGE3().setMinInterval(2_000).setMaxInterval(5_000));
    p.add(new FD_SOCK2().setBindAddress(bind));
    p.add(new FD_ALL3().setTimeout(HEARTBEAT_TIMEOUT_MS).setInterval(1_000));
    p.add(new VERIFY_SUSPECT2().setTimeout(1_000));
    if (s.secret() != null) p.add(new SYM_ENCRYPT().setSecretKey(key(s.secret())));
    p.add(new NAKACK2().useMcastXmit(false));
    p.add(new UNICAST3());
    p.add(new STABLE());
    if (s.secret() != null) p.add(auth(s.secret()));
    p.add(new GMS().setJoinTimeout(1_000).printLocalAddress(false));
    p.add(new MFC());
    p.add(new UFC());
    p.add(new FRAG4());
    return p;
  }

  private static AUTH auth(String secret) {
    SecretToken token = new SecretToken(secret);
    AUTH auth = new AUTH().setAuthToken(token);
    token.setAuth(auth); // the token signs this member's own address; setAuthToken does not tell it where it is
    return auth;
  }

  /** An IP or host name, or one of JGroups' symbolic addresses ({@code site_local}, {@code match-interface:...}). */
  static InetAddress address(String bind) throws Exception {
    try {
      return Util.getAddress(bind, StackType.IPv4);
    } catch (Exception e) {
      return InetAddress.getByName(bind);
    }
  }

  /** {@code host:port} or {@code host} (the default port); a host alone on IPv6 needs brackets. */
  static List<InetSocketAddress> hosts(ClusterSettings s) {
    List<InetSocketAddress> out = new ArrayList<>();
    List<String> given = s.hosts().isEmpty() ? List.of(s.bind() + ":" + s.port()) : s.hosts();
    for (String h : given) {
      String host = h.strip();
      int port = ClusterSettings.DEFAULT_PORT;
      int colon = host.lastIndexOf(':');
      if (colon > 0 && host.indexOf(']') < colon) {
        try {
          port = Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--cluster-hosts: '" + h + "' is not host:port");
        }
        host = host.substring(0, colon);
      }
      out.add(new InetSocketAddress(host.replace("[", "").replace("]", ""), port));
    }
    return out;
  }

  /** An AES key drawn from the secret (PBKDF2), the same on every member that knows it. */
  static SecretKey key(String secret) throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, 100_000, 128);
    byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    return new SecretKeySpec(bytes, "AES");
  }
}
