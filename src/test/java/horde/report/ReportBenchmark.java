package horde.report;

import horde.criteria.Findings;
import horde.result.ResultJson;
import horde.result.ResultReader;
import horde.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long reports take for a one-hour run: 3,600 timeline points with streaming figures, 20
 * endpoints with a million latencies in their histograms (four of them streaming, one a
 * transaction), four phases with their own histograms. Reads the result file and writes every
 * format, as {@code horde report} does. Not a test: run it by hand (see docs/reports.md).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) horde.report.ReportBenchmark [result.json]
 * </pre>
 *
 * With a file name, it also keeps the result file there, for timing {@code horde report} itself.
 */
public final class ReportBenchmark {
  private static final int ROUNDS = 10;

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("horde-report-bench");
    Path json = args.length > 0 ? Path.of(args[0]) : dir.resolve("one-hour.json");
    RunResult made = SampleResults.long_(3600, 20);
    ResultJson.write(made, json);
    System.out.printf(Locale.ROOT, "result file: %s, %,d bytes, %d timeline points, %d endpoints, %,d requests%n", json,
        Files.size(json), made.stats().timeline().size(), made.stats().endpoints().size(), made.stats().total().requests());
    double[] ms = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      RunResult r = ResultReader.read(json);
      long read = System.nanoTime();
      HtmlReport.write(r, dir.resolve("report.html"));
      long html = System.nanoTime();
      LocustCsv.write(r, dir.resolve("locust").toString(), false);
      JunitXml.write(r, dir.resolve("junit.xml"), false);
      String summary = ConsoleSummary.format(r);
      Findings.of(r.stats(), r.settings());
      long end = System.nanoTime();
      ms[i] = (end - start) / 1e6;
      System.out.printf(Locale.ROOT, "round %2d: %7.1f ms (read %.1f, html %.1f, csv+junit+summary+findings %.1f)%s%n", i + 1,
          ms[i], (read - start) / 1e6, (html - read) / 1e6, (end - html) / 1e6, summary.isEmpty() ? "?" : "");
    }
    double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
    Arrays.sort(warm);
    System.out.printf(Locale.ROOT, "first (cold JVM): %.0f ms; later rounds: median %.0f ms, max %.0f ms; html %,d bytes%n",
        ms[0], warm[warm.length / 2], warm[warm.length - 1], Files.size(dir.resolve("report.html")));
  }
}
