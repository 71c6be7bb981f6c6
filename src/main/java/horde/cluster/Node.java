package horde.cluster;

import horde.scenario.Version;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.PhysicalAddress;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.stack.IpAddress;

/**
 * One member of a Horde cluster: its JGroups channel, and what arrives on it as a queue of events
 * for the member's own thread, so that JGroups' threads never wait for Horde. Clock probes are
 * answered at once, on the receiving thread, so that the answer measures the network only.
 */
final class Node implements Receiver, AutoCloseable {
  /** What a member hears: a message, or a new view of who is in the cluster. */
  sealed interface Event {}

  /** @param atMicros when it arrived (wall clock), for clock probes */
  record Received(Address from, String version, int format, Wire message, long atMicros) implements Event {}

  record Viewed(View view) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final JChannel channel;
  private final ClusterSettings settings;

  private Node(ClusterSettings settings) throws Exception {
    this.settings = settings;
    this.channel = Channels.open(settings, this);
  }

  /** Joins the cluster; throws with JGroups' reason when it cannot (a port taken, a secret refused). */
  static Node join(ClusterSettings settings) throws Exception {
    return new Node(settings);
  }

  @Override
  public void receive(Message msg) {
    long at = nowMicros();
    WireCodec.Envelope e;
    try {
      e = WireCodec.decode(msg.getArray(), msg.getOffset(), msg.getLength());
    } catch (IllegalArgumentException ex) {
      return; // not ours: nothing to answer
    }
    if (e.message() instanceof Wire.Ping p) {
      send(msg.getSrc(), new Wire.Pong(p.run(), p.sentMicros(), nowMicros()));
      return;
    }
    events.add(new Received(msg.getSrc(), e.version(), e.format(), e.message(), at));
  }

  @Override
  public void viewAccepted(View view) {
    events.add(new Viewed(view));
  }

  /** The next event, or null after {@code millis}. */
  Event next(long millis) throws InterruptedException {
    return events.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Sends a message; false when it cannot go (the channel is closed, the member gone). */
  boolean send(Address to, Wire w) {
    try {
      channel.send(new BytesMessage(to, WireCodec.encode(Version.VALUE, w)));
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** To every member (with {@code null}: JGroups sends a copy to each over TCP). */
  boolean broadcast(Wire w) {
    return send(null, w);
  }

  Address self() {
    return channel.getAddress();
  }

  View view() {
    return channel.getView();
  }

  boolean isMember(Address a) {
    View v = channel.getView();
    return v != null && v.containsMember(a);
  }

  /** A member's name in messages: its logical name, as it gave it. */
  static String name(Address a) {
    return a == null ? "?" : a.toString();
  }

  /** Where this node listens, as {@code address:port}. */
  String where() {
    Object physical = channel.down(new org.jgroups.Event(org.jgroups.Event.GET_PHYSICAL_ADDRESS, channel.getAddress()));
    if (physical instanceof IpAddress ip) return ip.getIpAddress().getHostAddress() + ":" + ip.getPort();
    return physical instanceof PhysicalAddress p ? p.toString() : settings.bind() + ":" + settings.port();
  }

  ClusterSettings settings() {
    return settings;
  }

  /** Wall-clock time in microseconds since the epoch. */
  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  @Override
  public void close() {
    channel.close();
  }
}
