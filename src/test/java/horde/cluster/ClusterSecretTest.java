package horde.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.junit.jupiter.api.Test;

/**
 * Who may join: only members that know the cluster's secret, and only workers of the
 * coordinator's own version, refused with a message that names both versions.
 */
class ClusterSecretTest {
  static ClusterSettings settings(String node, int port, List<String> hosts, String secret) {
    return new ClusterSettings("secret-" + ProcessHandle.current().pid(), node, "127.0.0.1", port, hosts, null, secret);
  }

  @Test
  void onlyMembersThatKnowTheSecretJoin() throws Exception {
    int[] p = Ports.distinct(3);
    int a = p[0], b = p[1], c = p[2];
    List<String> hosts = List.of("127.0.0.1:" + a, "127.0.0.1:" + b, "127.0.0.1:" + c);
    try (Node first = Node.join(settings("first", a, hosts, "right"))) {
      // a member without the secret cannot read what the others send, nor they what it sends: it stays alone
      for (String secret : new String[] {"wrong", null}) {
        try (Node stray = Node.join(settings("stray", b, hosts, secret))) {
          Thread.sleep(3_000); // MERGE3 would have merged two clusters that can talk by now
          assertThat(stray.view().getMembers()).hasSize(1);
          assertThat(first.view().getMembers()).hasSize(1);
        }
      }
      try (Node second = Node.join(settings("second", c, hosts, "right"))) {
        assertThat(second.view().getMembers()).hasSize(2);
        assertThat(first.view().getMembers()).containsExactlyInAnyOrderElementsOf(second.view().getMembers());
        // and they understand each other through the encryption
        assertThat(second.send(first.self(), new Wire.Who())).isTrue();
        Node.Event e;
        do {
          e = first.next(5_000);
        } while (e instanceof Node.Viewed);
        assertThat(e).isInstanceOf(Node.Received.class);
        assertThat(((Node.Received) e).message()).isInstanceOf(Wire.Who.class);
      }
    }
  }

  @Test
  void aWorkerOfAnotherVersionIsRefusedByName() throws Exception {
    int[] p = Ports.distinct(2);
    int a = p[0], b = p[1];
    List<String> hosts = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
    StringWriter said = new StringWriter();
    try (Coordinator coordinator = Coordinator.join(settings("coordinator", a, hosts, null), new PrintWriter(said, true))) {
      List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (JChannel old = Channels.open(settings("old", b, hosts, null), new Receiver() {
        public void receive(Message msg) {
          Wire w = WireCodec.decode(msg.getArray(), msg.getOffset(), msg.getLength()).message();
          if (w instanceof Wire.Who) {
            try { // what an older Horde says
              msg.getSrc();
              old().send(new BytesMessage(msg.getSrc(), WireCodec.encode("0.0.9", new Wire.Hello("old", 2, 0))));
            } catch (Exception ex) {
              heard.add(ex.toString());
            }
          } else if (w instanceof Wire.Refused r) {
            heard.add(r.reason());
          }
        }
      })) {
        OLD.set(old);
        assertThatThrownBy(() -> coordinator.awaitWorkers(1, Duration.ofSeconds(6)))
            .hasMessageContaining("only 0 of 1 workers joined");
        assertThat(said.toString()).contains("refused worker old runs horde 0.0.9, this coordinator ");
        assertThat(heard).anyMatch(h -> h.contains("old runs horde 0.0.9") && h.contains("run the same version"));
      }
    }
  }

  private static final java.util.concurrent.atomic.AtomicReference<JChannel> OLD = new java.util.concurrent.atomic.AtomicReference<>();

  private static JChannel old() throws InterruptedException {
    while (OLD.get() == null) Thread.sleep(10);
    return OLD.get();
  }
}
