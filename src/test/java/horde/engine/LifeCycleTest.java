package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of a user's life, exact: on an embedded event loop whose time the test moves, against
 * connections whose server side the test plays. No wall-clock wait, so no tolerance.
 */
class LifeCycleTest {
  private static final String HEAD = "name: t\ntarget: http://127.0.0.1:9\n";

  /**
   * A waiting user holds no HTTP session: the loop lends one per request in flight and takes it back
   * when the answer is in, so the next user's request goes out on the same one; cookies stay with
   * their user, not with the session.
   */
  @Test
  void aWaitingUserHoldsNoSessionOnlyItsCookies() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 60s
            tasks: [{get: /work}]
        """)) {
      VirtualUser first = run.closedUser();
      assertThat(first.holds(HttpSession.KEY)).isTrue(); // in flight
      run.request(0);
      run.serve(0, "HTTP/1.1 200 OK\r\nSet-Cookie: sid=one; Path=/\r\nContent-Length: 2\r\n\r\n{}");
      assertThat(first.holds(HttpSession.KEY)).isFalse(); // waiting its 60 s
      assertThat(run.run.freeSessions(run.loop)).hasSize(1);
      VirtualUser second = run.closedUser();
      assertThat(run.run.freeSessions(run.loop)).isEmpty(); // lent again, to the second user
      assertThat(run.request(0)).startsWith("GET /work ").doesNotContain("sid=one");
      run.answer(0, 200, "{}");
      assertThat(second.holds(HttpSession.KEY)).isFalse();
      assertThat(run.run.freeSessions(run.loop)).hasSize(1); // one session served both
      run.advance(Duration.ofSeconds(60));
      List<String> sent = new java.util.ArrayList<>();
      for (int c = 0; c < run.connections.size(); c++) sent.addAll(run.requests(c));
      assertThat(sent).hasSize(2).filteredOn(r -> r.contains("Cookie: sid=one")).hasSize(1); // the first user's only
    }
  }

  /** A resource that takes another as it is made (a session takes the user's cookies) is kept, however the array grew meanwhile. */
  @Test
  void aResourceMadeWhileItsUserTakesAnotherIsKept() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + "users: [{name: u, tasks: [{get: /work}]}]\n")) {
      VirtualUser u = run.user(Pacing.CLOSED);
      ResourceKey<UserResource> outer = new ResourceKey<>(user -> {
        user.resource(new ResourceKey<>(x -> new UserResource() {})); // a kind made after the user's array was sized
        return new UserResource() {};
      });
      UserResource made = u.resource(outer);
      assertThat(u.holds(outer)).isTrue();
      assertThat(u.resource(outer)).isSameAs(made);
    }
  }

  @Test
  void aRampDownLetsTheTaskInFlightFinishThenRunsOnStop() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 1s
            on_stop: [{get: /bye}]
            tasks: [{get: /work}]
        """)) {
      VirtualUser u = run.closedUser();
      assertThat(run.request(0)).startsWith("GET /work ");
      u.stopAfterTask();
      run.pump();
      assertThat(run.request(0)).isNull(); // the request in flight is left to finish
      run.answer(0, 200, "{}");
      assertThat(run.request(0)).startsWith("GET /bye "); // then on_stop, with no wait and no new task
      run.answer(0, 200, "{}");
      assertThat(u.done()).isTrue();
      assertThat(run.requests("GET", "/work")).isEqualTo(1);
      assertThat(run.requests("GET", "/bye")).isEqualTo(1);
    }
  }

  @Test
  void aRampDownDuringTheWaitBetweenTasksRunsOnStopAtOnce() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 10s
            on_stop: [{get: /bye}]
            tasks: [{get: /work}]
        """)) {
      VirtualUser u = run.closedUser();
      run.request(0);
      run.answer(0, 200, "{}");
      run.advance(Duration.ofSeconds(1)); // in the 10 s wait
      assertThat(run.request(0)).isNull();
      u.stopAfterTask();
      run.pump();
      assertThat(run.request(0)).startsWith("GET /bye ");
      run.answer(0, 200, "{}");
      assertThat(u.done()).isTrue();
    }
  }

  @Test
  void theEndOfTheTestCutsAThinkShortAndRunsOnStop() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            on_stop: [{get: /bye}]
            tasks:
              - steps: [{get: /a}, {think: 1m}, {get: /b}]
        """)) {
      VirtualUser u = run.closedUser();
      run.request(0);
      run.answer(0, 200, "{}");
      run.advance(Duration.ofSeconds(5));
      u.end();
      run.pump();
      assertThat(run.request(0)).startsWith("GET /bye ");
      run.answer(0, 200, "{}");
      assertThat(u.done()).isTrue();
      assertThat(run.requests("GET", "/b")).isZero();
    }
  }

  @Test
  void aRequestCutOffInFlightIsCountedApartNotAsAFailure() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            on_stop: [{get: /bye}]
            tasks: [{get: /slow}]
        """)) {
      VirtualUser u = run.closedUser();
      assertThat(run.request(0)).startsWith("GET /slow ");
      u.end(); // the graceful stop lets it run...
      run.advance(Duration.ofSeconds(2));
      assertThat(u.done()).isFalse();
      u.cancel(); // ...until the grace period is over
      run.pump();
      assertThat(u.done()).isTrue();
      assertThat(run.run.cancelledInFlight.get()).isEqualTo(1);
      assertThat(run.requests("GET", "/slow")).isZero();
      assertThat(run.requests("GET", "/bye")).isZero();
      assertThat(run.connections.get(0).isOpen()).isFalse();
    }
  }

  @Test
  void aPollThatNeverSeesItsConditionFailsAtItsTimeoutWithExactlyItsAttempts() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 1h
            tasks:
              - name: job
                steps:
                  - poll: /status
                    until: {json: {$.done: true}}
                    every: 1s
                    timeout: 3s
        """)) {
      VirtualUser u = run.closedUser();
      for (int attempt = 0; attempt < 3; attempt++) {
        assertThat(run.request(0)).as("attempt %d", attempt).startsWith("GET /status ");
        run.answer(0, 200, "{\"done\":false}");
        run.advance(Duration.ofMillis(999));
        assertThat(run.request(0)).isNull(); // every 1s, not sooner
        run.advance(Duration.ofMillis(1));
      }
      assertThat(run.request(0)).isNull(); // a fourth attempt would start at the 3 s timeout: none
      assertThat(run.requests("GET", "/status")).isEqualTo(3);
      assertThat(run.failures("GET", "/status", "poll timeout")).isEqualTo(1);
      assertThat(u.done()).isFalse();
    }
  }

  @Test
  void aPollEndsAtTheFirstAnswerThatMeetsItsCondition() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 1h
            tasks:
              - name: job
                steps:
                  - poll: /status
                    until: {json: {$.done: true}}
                    every: 1s
                  - get: /after
        """)) {
      run.closedUser();
      run.request(0);
      run.answer(0, 200, "{\"done\":false}");
      run.advance(Duration.ofSeconds(1));
      run.request(0);
      run.answer(0, 200, "{\"done\":true}");
      assertThat(run.request(0)).startsWith("GET /after ");
      assertThat(run.requests("GET", "/status")).isEqualTo(2);
      assertThat(run.failures("GET", "/status", "poll timeout")).isZero();
    }
  }

  @Test
  void aStreamSilentPastItsIdleTimeoutIsGivenUpAsStalled() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 1h
            tasks:
              - get: /stream
                stream: {kind: sse, idle_timeout: 2s}
        """)) {
      run.closedUser();
      run.request(0);
      run.serve(0, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
      run.advance(Duration.ofMillis(1500));
      run.serve(0, "9\r\ndata: a\n\n\r\n"); // an event: the silence starts over
      run.advance(Duration.ofMillis(1999));
      assertThat(run.failures("GET", "/stream", "stream stalled")).isZero();
      run.advance(Duration.ofMillis(1));
      assertThat(run.failures("GET", "/stream", "stream stalled")).isEqualTo(1);
      assertThat(run.connections.get(0).isOpen()).isFalse();
    }
  }

  @Test
  void aRequestWithoutAnAnswerTimesOutAtItsTimeoutAndNotBefore() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            wait: 1h
            tasks: [{get: /slow, timeout: 5s}]
        """)) {
      run.closedUser();
      run.request(0);
      run.advance(Duration.ofMillis(4999));
      assertThat(run.failures("GET", "/slow", "timeout")).isZero();
      run.advance(Duration.ofMillis(1));
      assertThat(run.failures("GET", "/slow", "timeout")).isEqualTo(1);
    }
  }

  @Test
  void eachArrivalOfTheOpenModelIsAnIteration() {
    try (EmbeddedRun run = new EmbeddedRun(HEAD + """
        users:
          - name: u
            tasks: [{get: "/i/${iteration}", name: i}]
        """)) {
      VirtualUser u = run.user(Pacing.OPEN);
      for (int i = 1; i <= 3; i++) {
        u.arrive(run.ticker.nanoTime());
        run.pump();
        assertThat(run.request(0)).startsWith("GET /i/" + i + " ");
        run.answer(0, 200, "{}");
      }
    }
  }
}
