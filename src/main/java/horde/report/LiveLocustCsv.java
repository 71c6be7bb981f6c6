package horde.report;

import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.IntervalListener;
import horde.stats.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Locust's CSV files kept current while the run goes, as Locust keeps them: every second a row
 * is added to {@code PREFIX_stats_history.csv} and the other files are replaced by the figures so
 * far (each whole at any moment: written beside and moved into place), so a dashboard or a script
 * tailing them sees the run as it happens. When the run ends, {@link LocustCsv#write} writes them
 * all once more from the result, which is what they finally hold.
 *
 * <p>A file that cannot be written stops the live copies, never the run: the final write then
 * reports the problem.
 */
public final class LiveLocustCsv implements IntervalListener {
  private final List<Path> files;
  private final boolean fullHistory;
  private final long startSeconds;
  private final Map<String, LocustErrors.Seen> seen = new HashMap<>();
  private LocustHistory history;
  private IntervalSnapshot measured;
  private double measuredSeconds;
  private double offset;
  private double lastT;
  private boolean broken;

  /**
   * @param startEpochMillis when the run started, for the history's timestamps
   * @param fullHistory Locust's {@code --csv-full-history}
   */
  public LiveLocustCsv(String prefix, boolean fullHistory, long startEpochMillis) {
    this.files = LocustCsv.files(prefix);
    this.fullHistory = fullHistory;
    this.startSeconds = startEpochMillis / 1000;
  }

  @Override
  public void interval(Interval interval, IntervalSnapshot snapshot, Names names) {
    if (broken) return;
    try {
      if (history == null) start(snapshot, names);
      if (interval.t() <= lastT) offset += lastT; // a new phase: its seconds count from its own start
      lastT = interval.t();
      Interval along = interval.shifted(offset);
      StringBuilder rows = new StringBuilder();
      history.add(along, rows);
      Files.writeString(files.get(1), rows, StandardOpenOption.APPEND);
      if (!interval.warmup()) {
        measured.add(snapshot);
        measuredSeconds += interval.seconds();
        LocustErrors.see(along, names, startSeconds + (long) Math.ceil(along.t()), seen);
      }
      List<EndpointStats> endpoints = endpoints(names);
      replace(files.get(0), LocustCsv.stats(endpoints, EndpointStats.total(endpoints), measuredSeconds));
      replace(files.get(2), LocustCsv.failures(endpoints, seen));
      replace(files.get(4), LocustCsv.statuses(endpoints));
    } catch (IOException | UncheckedIOException e) {
      broken = true; // the final write says what is wrong with the path
    }
  }

  private void start(IntervalSnapshot shape, Names names) throws IOException {
    history = new LocustHistory(names, startSeconds, fullHistory);
    measured = shape.emptyCopy();
    Path parent = files.get(0).toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    StringBuilder header = new StringBuilder();
    LocustCsv.header(header, LocustHistory.COLUMNS);
    Files.writeString(files.get(1), header);
    replace(files.get(3), LocustCsv.exceptions());
  }

  /** The endpoints that sent something so far, without the figures' first failure messages. */
  private List<EndpointStats> endpoints(Names names) {
    List<EndpointStats> out = new ArrayList<>();
    for (int e = 0; e < measured.endpoints(); e++) {
      if (measured.counter(e, Measures.REQUESTS) > 0) out.add(EndpointStats.of(measured, e, names, null));
    }
    return out;
  }

  private static void replace(Path file, String text) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".part");
    Files.writeString(next, text);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
