package horde.cli;

import horde.report.LocustCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's results go and how it is judged: the JSON result file, the report formats, whether
 * warn-level criteria fail the run, and the exit code failed requests give.
 *
 * @param json the canonical result file, or null for none
 * @param html the self-contained HTML report, or null
 * @param csvPrefix Locust-compatible CSV files {@code PREFIX_stats.csv} etc., or null
 * @param csvFullHistory Locust's {@code --csv-full-history}: a row per endpoint, not only the
 *     aggregate, at every interval of {@code PREFIX_stats_history.csv}
 * @param junit JUnit XML with one test case per criterion, or null
 * @param exitCodeOnError Locust's {@code --exit-code-on-error}: the exit code when requests failed
 *     and no criterion decides the run (default 1, {@link ExitCode#CRITERIA_FAILED})
 */
record Outputs(Path json, Path html, String csvPrefix, boolean csvFullHistory, Path junit, boolean strict,
    int exitCodeOnError, boolean quiet) {
  /** What {@code {timestamp}} in an output path becomes, as in the demo's file names: 20250611-143005. */
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  static final String TIMESTAMP = "{timestamp}";

  Outputs(Path json, boolean strict, boolean quiet) {
    this(json, null, null, false, null, strict, ExitCode.CRITERIA_FAILED, quiet);
  }

  /** The same, with these report files (each may be null). */
  Outputs withReports(Path html, String csvPrefix, boolean csvFullHistory, Path junit) {
    return new Outputs(json, html, csvPrefix, csvFullHistory, junit, strict, exitCodeOnError, quiet);
  }

  /** The same, with this exit code for a run whose requests failed (Locust's flag). */
  Outputs withExitCodeOnError(int code) {
    return new Outputs(json, html, csvPrefix, csvFullHistory, junit, strict, code, quiet);
  }

  /** The same, with {@code {timestamp}} in every path replaced by {@code now} (one value for all). */
  Outputs stamped(LocalDateTime now) {
    String stamp = now.format(STAMP);
    return new Outputs(stamp(json, stamp), stamp(html, stamp), csvPrefix == null ? null : csvPrefix.replace(TIMESTAMP, stamp),
        csvFullHistory, stamp(junit, stamp), strict, exitCodeOnError, quiet);
  }

  /**
   * As Locust names its {@code --html} file: {@code {u}}, {@code {r}} and {@code {t}} become the
   * users, spawn rate and run time (whole seconds) given as flags; one not given stays as written.
   */
  Outputs withHtmlTags(Integer users, Double spawnRate, Duration runTime) {
    if (html == null) return this;
    String name = html.toString();
    if (users != null) name = name.replace("{u}", String.valueOf(users));
    if (spawnRate != null) name = name.replace("{r}", String.valueOf(spawnRate.longValue()));
    if (runTime != null) name = name.replace("{t}", String.valueOf(runTime.toSeconds()));
    return new Outputs(json, Path.of(name), csvPrefix, csvFullHistory, junit, strict, exitCodeOnError, quiet);
  }

  private static Path stamp(Path p, String stamp) {
    return p == null || !p.toString().contains(TIMESTAMP) ? p : Path.of(p.toString().replace(TIMESTAMP, stamp));
  }

  /**
   * Fails before any load when an output cannot be written, would overwrite one of the
   * {@code inputs} (path to what it is, e.g. "the scenario file"), or is named by two flags.
   */
  void check(Map<Path, String> inputs) throws IOException {
    Map<Path, String> written = new LinkedHashMap<>();
    for (Target t : targets()) {
      if (Files.isDirectory(t.file())) throw new IOException(t.flag() + " " + t.file() + " is a folder; give a file name");
      for (Map.Entry<Path, String> in : inputs.entrySet()) {
        if (same(t.file(), in.getKey()))
          throw new IOException(t.writes() + " would overwrite " + in.getValue() + " (" + in.getKey() + "); choose another path");
      }
      for (Map.Entry<Path, String> w : written.entrySet()) {
        if (same(t.file(), w.getKey())) throw new IOException(w.getValue() + " and " + t.flag() + " both write " + t.file());
      }
      written.put(t.file(), t.flag());
    }
    for (Path file : written.keySet()) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
    }
  }

  /** One file an output flag writes. */
  private record Target(String flag, Path file, String writes) {}

  private List<Target> targets() {
    List<Target> out = new ArrayList<>();
    if (json != null) out.add(new Target("--out", json, "--out " + json));
    if (html != null) out.add(new Target("--html", html, "--html " + html));
    if (csvPrefix != null) {
      for (Path p : LocustCsv.files(csvPrefix)) out.add(new Target("--csv", p, "--csv " + csvPrefix + " writes " + p + ", which"));
    }
    if (junit != null) out.add(new Target("--junit", junit, "--junit " + junit));
    return out;
  }

  /** Whether two paths name one file (through links, or {@code ..}, when it does not exist yet). */
  static boolean same(Path a, Path b) throws IOException {
    if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
