package horde.criteria;

import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Error bursts and stalls on the timeline. A second is in a burst when at least {@value
 * #MIN_FAILURES} requests failed and its error share is at least 5% and four times the run's
 * typical (median) second; bursts closer than {@value #GAP} seconds are one. A stall is two or
 * more seconds in mid-run with users running and no request completed.
 */
final class ErrorBursts {
  static final int MIN_FAILURES = 3;
  static final int GAP = 2;
  static final int MAX_REPORTED = 3;

  private ErrorBursts() {}

  record Burst(int first, int last, long failures, long requests) {}

  /** @param open whether the run used the open model, where the users counted are those busy in an iteration */
  static void addTo(List<Finding> out, List<TimelinePoint> points, boolean open) {
    List<Burst> bursts = find(points);
    long allFailures = points.stream().mapToLong(TimelinePoint::failures).sum();
    long allRequests = points.stream().mapToLong(TimelinePoint::requests).sum();
    bursts.stream().sorted(Comparator.comparingLong(Burst::failures).reversed()).limit(MAX_REPORTED)
        .sorted(Comparator.comparingInt(Burst::first))
        .forEach(b -> out.add(describe(b, points, allFailures, allRequests, open)));
    stalls(out, points);
  }

  static List<Burst> find(List<TimelinePoint> points) {
    double[] shares = points.stream().filter(p -> p.requests() > 0).mapToDouble(ErrorBursts::share).toArray();
    double typical = Intervals.median(shares);
    double bar = Math.max(0.05, 4 * (Double.isNaN(typical) ? 0 : typical));
    List<Burst> out = new ArrayList<>();
    int first = -1, last = -1;
    for (int i = 0; i < points.size(); i++) {
      TimelinePoint p = points.get(i);
      if (p.failures() < MIN_FAILURES || share(p) < bar) continue;
      if (first >= 0 && i - last > GAP + 1) {
        out.add(burst(points, first, last));
        first = -1;
      }
      if (first < 0) first = i;
      last = i;
    }
    if (first >= 0) out.add(burst(points, first, last));
    return out;
  }

  /** Seconds {@code first..last}, the quiet ones in between included. */
  private static Burst burst(List<TimelinePoint> points, int first, int last) {
    long failures = 0, requests = 0;
    for (int j = first; j <= last; j++) {
      failures += points.get(j).failures();
      requests += points.get(j).requests();
    }
    return new Burst(first, last, failures, requests);
  }

  private static double share(TimelinePoint p) {
    return p.requests() == 0 ? 0 : (double) p.failures() / p.requests();
  }

  private static Finding describe(Burst b, List<TimelinePoint> points, long allFailures, long allRequests, boolean open) {
    double from = Intervals.start(points, b.first()), to = points.get(b.last()).t();
    double share = 100.0 * b.failures() / Math.max(1, b.requests());
    long otherRequests = allRequests - b.requests();
    double outside = otherRequests <= 0 ? 0 : 100.0 * (allFailures - b.failures()) / otherRequests;
    boolean toTheEnd = b.last() >= lastActive(points);
    String users = users(points, b, open);
    String text = toTheEnd
        ? String.format("Errors started at %s (%s) and lasted to the end of the run: %s of requests failed from then on"
            + " (%s failures), against %s before.", Figures.at(from), users, Figures.percent(share),
            Figures.count(b.failures()), Figures.percent(outside))
        : String.format("Error burst from %s to %s (%s): %s of requests failed (%s failures), against %s in the rest of"
            + " the run.", Figures.at(from), Figures.at(to), users, Figures.percent(share), Figures.count(b.failures()),
            Figures.percent(outside));
    return Finding.warning("error_burst", text).at(from);
  }

  /** The users running when the burst began, as load tests are read: "at 70 users". */
  private static String users(List<TimelinePoint> points, Burst b, boolean open) {
    int u = points.get(b.first()).users();
    return u + (open ? " busy" : "") + (u == 1 ? " user" : " users");
  }

  /** The last whole second under load, less one: a burst reaching it ran to the end (the drain aside). */
  private static int lastActive(List<TimelinePoint> points) {
    return Math.max(0, Intervals.underLoad(points).size() - 2);
  }

  private static void stalls(List<Finding> out, List<TimelinePoint> points) {
    int firstAnswer = -1, lastAnswer = -1;
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).requests() > 0) {
        if (firstAnswer < 0) firstAnswer = i;
        lastAnswer = i;
      }
    }
    for (int i = firstAnswer + 1; i < lastAnswer; i++) {
      int j = i;
      while (j < lastAnswer && points.get(j).requests() == 0 && points.get(j).users() > 0) j++;
      if (j - i >= 2) {
        double from = Intervals.start(points, i), to = points.get(j - 1).t();
        out.add(Finding.warning("stall", String.format("No request completed from %s to %s although %d users were running:"
            + " the target stalled, or every answer took longer than that.", Figures.at(from), Figures.at(to),
            points.get(i).users())).at(from));
      }
      i = j;
    }
  }
}
