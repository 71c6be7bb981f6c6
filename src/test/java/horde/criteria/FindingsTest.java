package horde.criteria;

import static horde.criteria.Runs.endpoint;
import static horde.criteria.Runs.findings;
import static horde.criteria.Runs.kind;
import static horde.criteria.Runs.run;
import static horde.criteria.Runs.second;
import static horde.criteria.Runs.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import horde.stats.RunStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The findings' rules on crafted runs: each names what happened, when, and the numbers. */
class FindingsTest {
  @Test
  void anErrorBurstIsNamedWithItsStartEndAndShare() {
    RunStats s = run(seconds(60, t -> second(t, 20, 100, t > 40 && t <= 52 ? 40 : t % 20 == 0 ? 1 : 0, 200)));
    List<Finding> bursts = kind(findings(s), "error_burst");
    assertThat(bursts).hasSize(1);
    assertThat(bursts.get(0).text()).isEqualTo(
        "Error burst from 40 s to 52 s (20 users): 40% of requests failed (480 failures), against 0.06% in the rest"
            + " of the run.");
    assertThat(bursts.get(0).atSeconds()).isEqualTo(40.0);
    assertThat(bursts.get(0).level()).isEqualTo(Finding.Level.WARNING);
  }

  @Test
  void errorsThatNeverStopAreSaidToLastToTheEnd() {
    RunStats s = run(seconds(60, t -> second(t, 20, 100, t > 40 ? 25 : 0, 200)));
    assertThat(kind(findings(s), "error_burst")).singleElement().extracting(Finding::text).isEqualTo(
        "Errors started at 40 s (20 users) and lasted to the end of the run: 25% of requests failed from then on (500 failures),"
            + " against 0% before.");
  }

  @Test
  void errorsSpreadEvenlyAreNoBurstButTheirCauseIsNamed() {
    RunStats s = run(seconds(60, t -> second(t, 20, 100, 3, 200)),
        endpoint("POST", "/api/x", 5400, 300, 180, "HTTP 429"), endpoint("GET", "/y", 600, 100));
    List<Finding> all = findings(s);
    assertThat(kind(all, "error_burst")).isEmpty();
    assertThat(kind(all, "failures")).singleElement().extracting(Finding::text).isEqualTo(
        "All 180 failures are HTTP 429, all on POST /api/x (3.3% of its requests). The target refused load:"
            + " it is rate-limiting or shedding work.");
  }

  @Test
  void theMainReasonsForFailureAreNamedWithWhereTheyHappened() {
    var merged = horde.stats.EndpointStats.of("/chat", "POST", 570, 24, 0, 0, endpoint("POST", "/chat", 570, 1500).latency(),
        Map.of("HTTP 429", 17L, "HTTP 500", 7L), Map.of());
    RunStats s = run(seconds(30, t -> second(t, 20, 100, 1, 200)), merged,
        endpoint("POST", "/search", 2580, 3, 23, "HTTP 500"), endpoint("POST", "/complete", 64, 1400, 4, "HTTP 429"));
    assertThat(kind(findings(s), "failures")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("Most failures are HTTP 500 (30 of 51, 59%), 23 of them on POST /search (0.9% of its"
          + " requests). Then HTTP 429 (21 of 51, 41%), 17 of them on POST /chat (3.0% of its requests). The target"
          + " answered with a server error.");
      assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
    });
  }

  @Test
  void theSlowestEndpointIsComparedWithTheNext() {
    RunStats s = run(seconds(10, t -> second(t, 5, 30, 0, 500)),
        endpoint("POST", "/api/x", 100, 1900), endpoint("GET", "/y", 100, 480), endpoint("GET", "/z", 100, 20));
    assertThat(kind(findings(s), "slowest_endpoint")).singleElement().extracting(Finding::text)
        .isEqualTo("POST /api/x is the slowest endpoint: p95 1.9 s, 4.0× the next (GET /y, p95 480 ms).");
  }

  @Test
  void endpointsOfSimilarSpeedAreListedWithoutARatio() {
    RunStats s = run(seconds(10, t -> second(t, 5, 30, 0, 500)),
        endpoint("POST", "/a", 100, 110), endpoint("GET", "/b", 100, 100));
    assertThat(kind(findings(s), "slowest_endpoint")).singleElement().extracting(Finding::text)
        .isEqualTo("The slowest endpoints are POST /a (p95 110 ms) and GET /b (p95 100 ms).");
  }

  @Test
  void aLongTailIsNamedOnTheEndpointWithTheWidestSpread() {
    var tailed = endpoint("GET", "/cache", 990, 2);
    tailed.latency().recordValueWithCount(400_000, 20);
    RunStats s = run(seconds(10, t -> second(t, 5, 100, 0, 5)), tailed, endpoint("GET", "/even", 1000, 50));
    assertThat(kind(findings(s), "long_tail")).singleElement().extracting(Finding::text).isEqualTo(
        "GET /cache has a long tail: p99 400 ms is 200× its median (2.0 ms); 1 request in 100 waits that long.");
  }

  @Test
  void secondsWithUsersAndNoAnswersAreAStall() {
    RunStats s = run(seconds(30, t -> second(t, 10, t > 12 && t <= 17 ? 0 : 50, 0, 100)));
    assertThat(kind(findings(s), "stall")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("No request completed from 12 s to 17 s although 10 users were running:"
          + " the target stalled, or every answer took longer than that.");
      assertThat(f.atSeconds()).isEqualTo(12.0);
    });
  }

  @Test
  void warningsComeBeforeInformation() {
    RunStats s = run(seconds(60, t -> second(t, 20, 100, t > 40 ? 25 : 0, 200)),
        endpoint("POST", "/api/x", 100, 1900), endpoint("GET", "/y", 100, 480));
    List<Finding> all = findings(s);
    assertThat(all).extracting(Finding::level).isSortedAccordingTo(Enum::compareTo);
    assertThat(all.get(0).level()).isEqualTo(Finding.Level.WARNING);
    assertThat(Findings.of(s, Map.of())).isEqualTo(all);
  }

  /**
   * A transaction fails with the reason of the request that failed in it, and is slower than its
   * requests by construction: counting it too gave "HTTP 429 (185 of 141, 131%)" on a real run.
   */
  @Test
  void transactionsAreLeftOutOfTheFailureAndSpeedRules() {
    var group = horde.stats.EndpointStats.of("support turn", "GROUP", 300, 45, 0, 0,
        endpoint("GET", "g", 300, 5000).latency(), Map.of("HTTP 429", 45L), Map.of());
    RunStats s = run(seconds(30, t -> second(t, 20, 100, 2, 200)), group,
        endpoint("POST", "/chat", 600, 1500, 60, "HTTP 429"), endpoint("POST", "/messages", 300, 1000, 45, "HTTP 429"));
    List<Finding> all = findings(s);
    assertThat(kind(all, "failures")).singleElement().extracting(Finding::text).isEqualTo("All 105 failures are HTTP 429,"
        + " 60 of them on POST /chat (10% of its requests). The target refused load: it is rate-limiting or shedding work.");
    assertThat(kind(all, "slowest_endpoint")).singleElement().extracting(Finding::text).asString()
        .startsWith("The slowest endpoints are POST /chat").doesNotContain("GROUP");
  }
}
