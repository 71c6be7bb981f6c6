package horde.bench;

import horde.criteria.Findings;
import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.report.HtmlReport;
import horde.result.ResultJson;
import horde.result.ResultReader;
import horde.result.RunResult;
import horde.scenario.FailureKind;
import horde.scenario.Measures;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Slice;
import horde.stats.TimelinePoint;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * How big a result file with per-second intervals grows: a run of {@code SECONDS} seconds, {@code
 * ENDPOINTS} endpoints at {@code RATE} requests/s each, latencies log-normal around 20-400 ms, 1 %
 * of them 503. Recorded through the real recorder and slices, written by the real writer, read
 * back, and turned into the HTML report. Run:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) horde.bench.ResultSize [seconds endpoints rate]}
 */
public final class ResultSize {
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
    int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    Random random = new Random(1);
    Measures m = Measures.BUILT_IN;
    IntervalSnapshot shape = new IntervalSnapshot(endpoints, m.histogramCount(), m.counterCount(), FailureReasons.CAPACITY);
    Samples samples = new Samples(endpoints, FailureReasons.CAPACITY);
    LoopRecorder recorder = new LoopRecorder(shape, samples);
    IntervalSnapshot total = shape.emptyCopy(), second = shape.emptyCopy();
    List<Interval> intervals = new ArrayList<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    int http503 = FailureReasons.httpStatus(503);
    for (int t = 1; t <= seconds; t++) {
      long requests = 0;
      for (int e = 0; e < endpoints; e++) {
        double median = 20_000 * Math.pow(20, e / (double) Math.max(1, endpoints - 1));
        for (int i = 0; i < rate; i++) {
          boolean failed = random.nextInt(100) == 0;
          long micros = (long) (median * Math.exp(random.nextGaussian() * 0.5));
          recorder.request(e, failed ? 503 : 200, failed ? http503 : -1, micros * 1000, 180, 900);
        }
        requests += rate;
      }
      second.reset();
      recorder.drainInto(second);
      total.add(second);
      List<Slice> slices = new ArrayList<>();
      for (int e = 0; e < endpoints; e++) slices.add(Slice.of(second, e));
      intervals.add(new Interval(t, 1, 100, 100, 0, false, slices, null));
      timeline.add(new TimelinePoint(t, 100, requests, requests / 100, requests, 40, 300, 500, false));
    }
    List<Names.Endpoint> names = new ArrayList<>();
    for (int e = 0; e < endpoints; e++) names.add(new Names.Endpoint("/api/resource" + e + "/[id]", "GET"));
    List<Names.Reason> reasons = new ArrayList<>();
    for (int id = 0; id <= http503; id++) reasons.add(id == http503 ? new Names.Reason("HTTP 503", FailureKind.HTTP) : null);
    Names n = new Names(names, reasons, m);
    List<EndpointStats> eps = new ArrayList<>();
    for (int e = 0; e < endpoints; e++) eps.add(EndpointStats.of(total, e, n, samples::get));
    RunStats stats = new RunStats(0, seconds, 0, seconds, eps, EndpointStats.total(eps), timeline, 0, false, 0, intervals, n);
    RunResult r = RunResult.builder(stats).hordeVersion("bench").scenario(Map.of("name", "size"))
        .startedAt("2026-12-05T00:00:00Z").findings(Findings.of(stats, Map.of())).build();
    Path file = Files.createTempFile("horde-size", ".json");
    long t0 = System.nanoTime();
    ResultJson.write(r, file);
    long written = System.nanoTime();
    RunResult back = ResultReader.read(file);
    long read = System.nanoTime();
    String html = HtmlReport.of(back);
    long reported = System.nanoTime();
    byte[] bytes = Files.readAllBytes(file);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(bytes);
    }
    String json = new String(bytes);
    int at = json.indexOf("\"intervals\"");
    System.out.printf("%d s, %d endpoints, %d requests/s each: result %.1f MB (intervals %.1f MB), gzip %.1f MB;"
            + " write %.1f s, read %.1f s, HTML %.1f s (%.1f MB)%n", seconds, endpoints, rate, bytes.length / 1e6,
        at < 0 ? 0 : (json.indexOf("\"criteria\"", at) - at) / 1e6, gz.size() / 1e6, (written - t0) / 1e9,
        (read - written) / 1e9, (reported - read) / 1e9, html.length() / 1e6);
    if (System.getenv("KEEP") == null) Files.delete(file); else System.out.println(file);
  }
}
