package horde.criteria;

import horde.scenario.FailureKind;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Findings from the per-endpoint summary: the slowest endpoints, where failures gather, long tails. */
final class EndpointFindings {
  /** Below this many responses, an endpoint's p99 is too thin to call a tail. */
  static final int MIN_FOR_TAIL = 200;

  private EndpointFindings() {}

  /**
   * Transactions (groups) are left out: one is slower than its requests by construction, and it
   * fails with the reason of the request that failed inside it, which is counted already.
   */
  static void addTo(List<Finding> out, RunStats s) {
    List<EndpointStats> requests = requests(s);
    slowest(out, requests);
    failures(out, s, requests);
    tail(out, requests);
    expectedRefusals(out, requests);
  }

  /**
   * Answers of 400 and above that the scenario declared as expected (expect_status) are no
   * failures, but when they are most of an endpoint's answers its figures describe them: a fast
   * 429 makes a fine median. Said once per endpoint where they are the majority.
   */
  private static void expectedRefusals(List<Finding> out, List<EndpointStats> requests) {
    for (EndpointStats e : requests) {
      long answers = e.statuses(100, 600);
      if (answers < 10) continue;
      Map<Integer, Long> expected = new LinkedHashMap<>();
      e.statuses().forEach((code, n) -> {
        long failed = e.failuresByReason().getOrDefault(FailureKind.httpReason(code), 0L);
        if (code >= 400 && n - failed > 0) expected.put(code, n - failed);
      });
      long total = expected.values().stream().mapToLong(Long::longValue).sum();
      if (total * 2 <= answers) continue;
      String codes = String.join(", ", expected.entrySet().stream()
          .map(x -> Figures.count(x.getValue()) + " × " + x.getKey()).toList());
      out.add(Finding.warning("expected_status", String.format("%s of the %s answers of %s were refusals or errors that"
          + " the scenario expects (%s, declared in expect_status, so not failures): its latency figures (p50 %s) mostly"
          + " describe those answers, not served requests.", Figures.count(total), Figures.count(answers), label(e), codes,
          Figures.ms(e.summary().p50()))));
    }
  }

  static List<EndpointStats> requests(RunStats s) {
    return s.endpoints().stream().filter(e -> !e.isGroup()).toList();
  }

  static String label(EndpointStats e) {
    return e.method().isEmpty() ? e.name() : e.method() + " " + e.name();
  }

  private static void slowest(List<Finding> out, List<EndpointStats> endpoints) {
    List<EndpointStats> answered = new ArrayList<>(endpoints.stream().filter(e -> e.latency().getTotalCount() > 0).toList());
    if (answered.size() < 2) return;
    Map<EndpointStats, Double> p95 = new IdentityHashMap<>();
    for (EndpointStats e : answered) p95.put(e, e.summary().p95());
    answered.sort(Comparator.comparingDouble((EndpointStats e) -> p95.get(e)).reversed());
    EndpointStats first = answered.get(0), second = answered.get(1);
    double p1 = p95.get(first), p2 = p95.get(second);
    if (p2 > 0 && p1 / p2 >= 1.5) {
      out.add(Finding.info("slowest_endpoint", String.format("%s is the slowest endpoint: p95 %s, %s the next (%s, p95 %s).",
          label(first), Figures.ms(p1), Figures.times(p1 / p2), label(second), Figures.ms(p2))));
    } else {
      out.add(Finding.info("slowest_endpoint", String.format("The slowest endpoints are %s (p95 %s) and %s (p95 %s).",
          label(first), Figures.ms(p1), label(second), Figures.ms(p2))));
    }
  }

  /**
   * The reasons behind most failures, each with the endpoint where it happened most, and what the
   * reason usually means. A second reason is named when it has at least a fifth of the failures.
   */
  private static void failures(List<Finding> out, RunStats s, List<EndpointStats> requests) {
    long total = s.total().failures();
    if (total == 0) return;
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (EndpointStats e : requests) e.failuresByReason().forEach((r, n) -> byReason.merge(r, n, Long::sum));
    List<Map.Entry<String, Long>> reasons = new ArrayList<>(byReason.entrySet());
    reasons.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    if (reasons.isEmpty()) return;
    StringBuilder text = new StringBuilder();
    Map.Entry<String, Long> first = reasons.get(0);
    if (first.getValue() == total) text.append("All ").append(Figures.count(total)).append(" failures are ");
    else text.append("Most failures are ");
    text.append(reason(requests, first.getKey(), first.getValue(), total)).append('.');
    if (reasons.size() > 1 && reasons.get(1).getValue() * 5 >= total) {
      text.append(" Then ").append(reason(requests, reasons.get(1).getKey(), reasons.get(1).getValue(), total)).append('.');
    }
    String meaning = meaning(first.getKey(), kindOf(requests, first.getKey()));
    if (meaning != null) text.append(' ').append(meaning);
    boolean serious = s.total().errorRatePercent() >= 1;
    out.add(serious ? Finding.warning("failures", text.toString()) : Finding.info("failures", text.toString()));
  }

  /** {@code HTTP 429 (21 of 53, 40%), 17 of them on POST /x}, or {@code ... all on POST /x}. */
  private static String reason(List<EndpointStats> requests, String reason, long count, long total) {
    EndpointStats where = null;
    long most = 0;
    for (EndpointStats e : requests) {
      long n = e.failuresByReason().getOrDefault(reason, 0L);
      if (n > most) {
        most = n;
        where = e;
      }
    }
    String share = count == total ? reason : String.format("%s (%s of %s, %s)", reason, Figures.count(count),
        Figures.count(total), Figures.percent(100.0 * count / total));
    if (where == null) return share;
    String on = most == count ? "all on " + label(where) : Figures.count(most) + " of them on " + label(where);
    return share + ", " + on + " (" + Figures.percent(100.0 * most / Math.max(1, where.requests())) + " of its requests)";
  }

  private static FailureKind kindOf(List<EndpointStats> requests, String reason) {
    for (EndpointStats e : requests) if (e.kindOf(reason) != null) return e.kindOf(reason);
    return null;
  }

  static String meaning(String reason, FailureKind kind) {
    if (kind == null) return null;
    return switch (kind) {
      case HTTP -> {
        int status = FailureKind.statusOf(reason);
        yield status == 429 || status == 503 ? "The target refused load: it is rate-limiting or shedding work."
            : status >= 500 ? "The target answered with a server error." : null;
      }
      case TIMEOUT -> "Those requests ran past their timeout; their latency is not in the percentiles.";
      case REFUSED -> "Nothing was accepting connections on the target's port at those times.";
      case CHECK -> "The target answered, but not what the scenario expects.";
      case DESCRIPTORS -> "Horde had no file descriptor left for a new connection: those requests never left. Raise the"
          + " limit (ulimit -n).";
      case BODY_TOO_LARGE -> "Answers were larger than http.max_body allows for a body a check or save reads.";
      default -> null;
    };
  }

  private static void tail(List<Finding> out, List<EndpointStats> endpoints) {
    EndpointStats worst = null;
    double worstRatio = 10;
    for (EndpointStats e : endpoints) {
      if (e.latency().getTotalCount() < MIN_FOR_TAIL || e.summary().p50() <= 0) continue;
      double ratio = e.summary().p99() / e.summary().p50();
      if (ratio >= worstRatio) {
        worstRatio = ratio;
        worst = e;
      }
    }
    if (worst == null) return;
    out.add(Finding.info("long_tail", String.format("%s has a long tail: p99 %s is %s its median (%s); 1 request in 100 waits that long.",
        label(worst), Figures.ms(worst.summary().p99()), Figures.times(worstRatio), Figures.ms(worst.summary().p50()))));
  }
}
