package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The WebSocket chat at /ws/chat, driven by the JDK's own WebSocket client. */
class WsChatTest {
  /** Collects each whole text message a socket receives. */
  private static final class Inbox implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder part = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      part.append(data);
      if (last) {
        messages.add(part.toString());
        part.setLength(0);
      }
      ws.request(1);
      return null;
    }

    String next() throws InterruptedException {
      String m = messages.poll(10, TimeUnit.SECONDS);
      assertThat(m).as("a message within 10 s").isNotNull();
      return m;
    }
  }

  private static WebSocket open(RunningSimulator sim, Inbox inbox) {
    URI uri = URI.create(sim.simulator.baseUrl().replace("http://", "ws://") + "/ws/chat");
    return sim.http.newWebSocketBuilder().buildAsync(uri, inbox).join();
  }

  @Test
  void anAskStreamsOneMessagePerTokenThenDoneWithTheUsage() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start(b -> b.outputTokens(4).outputTokensSpread(0))) {
      Inbox inbox = new Inbox();
      WebSocket ws = open(sim, inbox);
      ws.sendText("{\"type\":\"ask\",\"text\":\"one two three\"}", true).join();
      for (int i = 0; i < 4; i++) assertThat(inbox.next()).startsWith("{\"type\":\"token\",\"index\":" + i + ",");
      String done = inbox.next();
      assertThat(done).startsWith("{\"type\":\"done\",\"id\":\"msg-")
          .contains("\"prompt_tokens\":3", "\"completion_tokens\":4");
      ws.sendText("{\"type\":\"hello\"}", true).join();
      assertThat(inbox.next()).contains("\"error\":\"invalid_request_error\"");
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
  }

  @Test
  void theSocketsShareTheHttpChatsCapacity() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start(b -> b.capacity(1).queue(0).outputTokens(50).outputTokensSpread(0))) {
      Inbox first = new Inbox();
      Inbox second = new Inbox();
      WebSocket a = open(sim, first);
      WebSocket b = open(sim, second);
      a.sendText("{\"type\":\"ask\",\"text\":\"hi\"}", true).join();
      assertThat(first.next()).contains("\"type\":\"token\""); // a holds the only slot now
      b.sendText("{\"type\":\"ask\",\"text\":\"hi\"}", true).join();
      assertThat(second.next()).contains("\"error\":\"overloaded\"");
      a.sendText("{\"type\":\"ask\",\"text\":\"again\"}", true).join();
      boolean busy = false;
      for (int i = 0; i < 60 && !busy; i++) busy = first.next().contains("\"error\":\"busy\""); // among a's tokens
      assertThat(busy).as("a second ask while one runs is refused as busy").isTrue();
      assertThat(sim.get("/metrics").raw().body()).contains("horde_simulator_ws_sessions 2");
      a.abort(); // the client's close waits for every socket it opened
      b.abort();
    }
  }
}
