package horde.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Ports;
import horde.RawServer;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sockets a client holds open, which the generator's self-check adds to its last descriptor
 * count between counts: each from its dial to its close, against a real server, and none for a
 * connection that was refused.
 */
class SocketCountTest {
  @Test
  void eachConnectionCountsFromItsDialToItsClose() throws Exception {
    RawServer[] holder = new RawServer[1];
    holder[0] = new RawServer((s, out) -> {
      do {
        out.write(RawServer.OK);
        out.flush();
      } while (holder[0].readRequest(s.getInputStream()));
    });
    Transport transport = Transport.best();
    MultiThreadIoEventLoopGroup group = transport.newGroup(1, "sockets-test");
    try (RawServer server = holder[0]) {
      HttpClient client = new HttpClient(group, transport, new ClientSettings(0, Duration.ofSeconds(5), false, 0, false));
      EventLoop loop = group.next();
      send(client, loop, server.url(), 3);
      assertThat(client.sockets()).as("three requests at once, three connections").isEqualTo(3);
      client.closeAll();
      assertThat(settles(client, 0)).as("closed: %s left", client.sockets()).isTrue();

      send(client, loop, "http://127.0.0.1:" + Ports.free(), 2);
      assertThat(settles(client, 0)).as("refused: %s counted", client.sockets()).isTrue();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  /** Sends {@code n} requests in one turn of the loop, so that none can wait for another's connection, and awaits their ends. */
  private static void send(HttpClient client, EventLoop loop, String url, int n) throws Exception {
    List<KeepAliveRetryTest.Events> ends = new ArrayList<>();
    Origin origin = Origin.of(URI.create(url));
    loop.submit(() -> {
      for (int i = 0; i < n; i++) {
        KeepAliveRetryTest.Events listener = new KeepAliveRetryTest.Events();
        ends.add(listener);
        HttpExchange ex = new HttpExchange(loop, listener);
        ex.method = "GET";
        ex.origin = origin;
        ex.path.append("/x");
        client.execute(ex);
      }
    }).sync();
    for (KeepAliveRetryTest.Events e : ends) assertThat(e.events.poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  private static boolean settles(HttpClient client, long sockets) throws InterruptedException {
    for (int i = 0; i < 100 && client.sockets() != sockets; i++) Thread.sleep(50);
    return client.sockets() == sockets;
  }
}
