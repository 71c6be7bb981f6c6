package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The capacity model seen from a client: queueing delay, 429/503 past the queue, freed slots. */
@Alone
class OverloadTest {
  private static final String SLOW =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}";

  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void theSurplusIsRefusedWith429AndQueuedRequestsWaitTheirTurn() {
    // Each generation takes the 400 ms TTFT: 2 run, 2 wait one turn, 6 are refused at once.
    sim =
        RunningSimulator.start(
            b -> b.capacity(2).queue(2).timeToFirstToken(Duration.ofMillis(400)));
    sim.get("/health"); // loads the client's classes, so the burst below arrives together
    List<CompletableFuture<RunningSimulator.Reply>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) calls.add(sim.postAsync("/v1/chat/completions", SLOW));
    List<RunningSimulator.Reply> replies = calls.stream().map(CompletableFuture::join).toList();

    List<RunningSimulator.Reply> refused = replies.stream().filter(r -> r.status() == 429).toList();
    List<RunningSimulator.Reply> served =
        replies.stream()
            .filter(r -> r.status() == 200)
            .sorted(Comparator.comparingLong(RunningSimulator.Reply::millis))
            .toList();
    assertThat(refused).hasSize(6);
    assertThat(served).hasSize(4);
    for (RunningSimulator.Reply r : refused) {
      assertThat(r.header("retry-after")).isEqualTo("1");
      assertThat(r.json().at("/error/type").stringValue()).isEqualTo("overloaded");
      assertThat(r.millis()).isLessThan(380); // at once, not after a generation
    }
    assertThat(served.get(1).millis()).isBetween(380L, 780L);
    assertThat(served.get(2).millis()).isGreaterThanOrEqualTo(780L); // queue wait + TTFT
    assertThat(sim.metric("horde_simulator_rejected_total")).isEqualTo(6);
  }

  @Test
  void overloadStatusCanBe503() {
    sim =
        RunningSimulator.start(
            b ->
                b.capacity(1)
                    .queue(0)
                    .overloadStatus(503)
                    .timeToFirstToken(Duration.ofMillis(200)));
    var first = sim.postAsync("/v1/chat/completions", SLOW);
    var second = sim.postAsync("/v1/chat/completions", SLOW);
    List<Integer> statuses = List.of(first.join().status(), second.join().status());
    assertThat(statuses).containsExactlyInAnyOrder(200, 503);
  }

  @Test
  void aClientLeavingMidStreamFreesItsSlot() throws Exception {
    sim =
        RunningSimulator.start(
            b ->
                b.capacity(1)
                    .queue(0)
                    .tokensPerSecond(50)
                    .outputTokens(1000)
                    .outputTokensSpread(0));
    String stream = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}";
    HttpResponse<InputStream> r =
        sim.http.send(
            sim.postRequest("/v1/chat/completions", stream),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      byte[] first = new byte[64];
      assertThat(in.read(first)).isPositive(); // a token arrived: the stream is running
      assertThat(sim.metric("horde_simulator_active_generations")).isEqualTo(1);
      assertThat(sim.post("/v1/chat/completions", SLOW).status()).isEqualTo(429);
    } // closing the body mid-stream drops the connection

    assertThat(sim.awaitMetric("horde_simulator_active_generations", 0)).isZero();
    assertThat(sim.post("/v1/chat/completions", SLOW).status()).isEqualTo(200);
    long generated = sim.metric("horde_simulator_tokens_generated_total");
    Thread.sleep(100); // a leaked token timer would keep counting
    assertThat(sim.metric("horde_simulator_tokens_generated_total")).isEqualTo(generated);
  }
}
