package horde.junit;

import static horde.dsl.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.Horde;
import horde.TestServer;
import horde.criteria.Verdict;
import horde.engine.EngineOptions;
import horde.result.RunResult;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the assertions say when a run does not hold, against a real server with known timing. */
class RunAssertTest {
  private static TestServer server;
  private static RunResult slowWithFailures;

  @BeforeAll
  static void run() throws Exception {
    AtomicInteger n = new AtomicInteger();
    server =
        new TestServer()
            .route(
                "/slow",
                ex -> {
                  Thread.sleep(20);
                  TestServer.reply(ex, n.incrementAndGet() % 5 == 0 ? 500 : 200, "{}");
                });
    slowWithFailures =
        Horde.run(
            scenario("slow")
                .target(server.url())
                .task(get("/slow"))
                .load(requests(20).concurrency(2))
                .threshold("p95 < 1ms", "error_rate < 50%")
                .threshold(threshold("p99 < 2ms").warn())
                .build(),
            EngineOptions.DEFAULTS.withThreads(1));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aFailedCriterionFailsWithEveryCriterionMeasured() {
    assertThat(slowWithFailures.verdict()).isEqualTo(Verdict.FAIL);
    assertThatThrownBy(() -> HordeAssertions.assertThat(slowWithFailures).meetsCriteria())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "expected the criteria to hold\n  verdict FAIL, 20 requests, 4 failed")
        .hasMessageContaining("\n  FAIL p95 < 1ms: measured ")
        .hasMessageContaining("\n  pass error_rate < 50%: measured 20.00 %")
        .hasMessageContaining("\n  WARN p99 < 2ms: measured ");
  }

  @Test
  void failuresAndAdHocThresholds() {
    var result = HordeAssertions.assertThat(slowWithFailures);
    assertThatThrownBy(result::hasNoFailures)
        .hasMessageStartingWith("expected no failed requests but 4 of 20 failed: {");
    assertThatCode(
            () ->
                result.holds("p50 > 15ms").holds("/slow", "requests >= 20").hasRequestsAtLeast(20))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> result.holds("/slow", "p50 < 5ms"))
        .hasMessageStartingWith("expected p50 < 5ms on /slow to hold, but p50 was ");
    assertThatThrownBy(() -> result.hasRequestsAtLeast(21))
        .hasMessageStartingWith("expected at least 21 requests but 20 were measured");
    assertThatThrownBy(() -> result.hasVerdict(Verdict.PASS))
        .hasMessageStartingWith("expected the verdict PASS but it was FAIL");
  }
}
