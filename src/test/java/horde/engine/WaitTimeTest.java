package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A closed-model user's wait after each task, on a loop whose clock the test moves: pacing counts
 * from the task's start (and waits not at all when the task took longer), a constant wait from its
 * end. Only pacing reads the clock, so these fail if it read a stale or missing start.
 */
class WaitTimeTest {
  private static final String HEAD = "name: t\ntarget: http://127.0.0.1:9\nusers: [{name: u, tasks: [{get: /work}], wait: ";

  @Test
  void pacingStartsEachTaskAnIntervalAfterTheLastOneStarted() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + "pacing 100ms}]\n")) {
      run.closedUser();
      assertThat(run.request(0)).startsWith("GET /work ");
      run.advance(Duration.ofMillis(30));
      run.answer(0, 200, "{}"); // the task took 30 ms: 70 ms of wait
      run.advance(Duration.ofMillis(65));
      assertThat(run.request(0)).isNull();
      run.advance(Duration.ofMillis(10));
      assertThat(run.request(0)).startsWith("GET /work "); // at 100 ms
      run.advance(Duration.ofMillis(150));
      run.answer(0, 200, "{}"); // this one took 150 ms, longer than the interval: no wait
      assertThat(run.request(0)).startsWith("GET /work ");
    }
  }

  @Test
  void aConstantWaitCountsFromTheTaskEnd() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + "constant 100ms}]\n")) {
      run.closedUser();
      assertThat(run.request(0)).startsWith("GET /work ");
      run.advance(Duration.ofMillis(30));
      run.answer(0, 200, "{}");
      run.advance(Duration.ofMillis(95));
      assertThat(run.request(0)).isNull();
      run.advance(Duration.ofMillis(10));
      assertThat(run.request(0)).startsWith("GET /work "); // at 130 ms
    }
  }

  @Test
  void noWaitSendsTheNextTaskAtOnce() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + "none}]\n")) {
      VirtualUser u = run.closedUser();
      assertThat(run.request(0)).startsWith("GET /work ");
      run.answer(0, 200, "{}");
      assertThat(run.request(0)).startsWith("GET /work ");
      u.stopAfterTask(); // else it would go on at once, on a new connection, as the test closes this one
      run.answer(0, 200, "{}");
      assertThat(u.done()).isTrue();
    }
  }
}
