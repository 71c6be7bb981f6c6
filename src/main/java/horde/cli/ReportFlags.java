package horde.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The report formats a command can write: the same flags on {@code run} and {@code report}. */
final class ReportFlags {
  @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report with charts (opens offline); {u}, {r}, {t} as in Locust.")
  Path html;

  @Option(names = "--csv", paramLabel = "PREFIX", description = "Write Locust-compatible CSV files: PREFIX_stats.csv and three more.")
  String csv;

  @Option(names = "--csv-full-history", description = "As Locust: PREFIX_stats_history.csv gets a row per endpoint too, not only the aggregate.")
  boolean csvFullHistory;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write the criteria as JUnit XML, one test case each.")
  Path junit;

  /** Locust's rule: full history is a kind of CSV output, so it needs {@code --csv}. */
  void check() {
    if (csvFullHistory && csv == null) throw new IllegalArgumentException("--csv-full-history needs --csv PREFIX");
  }

  boolean none() {
    return html == null && csv == null && junit == null;
  }

  Outputs onto(Outputs outputs) {
    return outputs.withReports(html, csv, csvFullHistory, junit);
  }
}
