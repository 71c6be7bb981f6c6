package horde.criteria;

import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.Comparator;
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
    Map<EndpointStats, Double> p95 = new java.util.IdentityHashMap<>();
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
    String meaning = meaning(first.getKey());
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

  static String meaning(String reason) {
    if (reason.equals("HTTP 429") || reason.equals("HTTP 503")) return "The target refused load: it is rate-limiting or shedding work.";
    if (reason.equals("timeout")) return "Those requests ran past their timeout; their latency is not in the percentiles.";
    if (reason.equals("connection refused")) return "Nothing was accepting connections on the target's port at those times.";
    if (reason.equals("too many open files"))
      return "Horde had no file descriptor left for a new connection: those requests never left. Raise the limit (ulimit -n).";
    if (reason.startsWith("HTTP 5")) return "The target answered with a server error.";
    if (reason.startsWith("check failed")) return "The target answered, but not what the scenario expects.";
    return null;
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
