package horde.report;

import horde.criteria.CriterionResult;
import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.scenario.Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The run's criteria as JUnit XML in the Ant/Surefire layout ({@code
 * testsuites/testsuite/testcase/failure}) that CI systems read: one test case per criterion, one
 * test suite for the whole run and one for each phase.
 *
 * <p>A missed fail-level criterion is a {@code <failure>} carrying the actual and the expected
 * value. A missed warn-level one is {@code <skipped>} with the same message, so it shows in the
 * CI's report without failing the build, just as it leaves the exit code at 0; with {@code
 * strict} it is a failure, as {@code --strict} makes it fail the run. A run stopped early adds a
 * {@code run completed} case with an {@code <error>}. A phase's suite carries its grade and verdict
 * as properties; its test cases' class name ends with the phase's name, so CI views that group by
 * class keep the phases apart. A test case's time is the measured time its criterion judged. The
 * layout validates against the Jenkins xUnit plugin's junit-10.xsd.
 */
public final class JunitXml {
  private JunitXml() {}

  public static void write(RunResult r, Path file, boolean strict) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, of(r, strict));
  }

  /** One suite's figures, for its own element and the sums on {@code <testsuites>}. */
  private record Counts(long tests, long failures, long errors, long skipped) {
    static Counts of(List<CriterionResult> criteria, boolean strict, int errors) {
      long failures = criteria.stream().filter(c -> !c.passed() && (strict || level(c) == Threshold.Level.FAIL)).count();
      long skipped = criteria.stream().filter(c -> !c.passed()).count() - failures;
      return new Counts(criteria.size() + errors, failures, errors, skipped);
    }

    Counts plus(Counts o) {
      return new Counts(tests + o.tests, failures + o.failures, errors + o.errors, skipped + o.skipped);
    }

    String attributes() {
      return totals() + String.format(Locale.ROOT, " skipped=\"%d\"", skipped);
    }

    /** What {@code <testsuites>} may carry: Jenkins' schema has no {@code skipped} there. */
    String totals() {
      return String.format(Locale.ROOT, "tests=\"%d\" failures=\"%d\" errors=\"%d\"", tests, failures, errors);
    }
  }

  public static String of(RunResult r, boolean strict) {
    String name = r.scenario().getOrDefault("name", "horde");
    int errors = r.stats().aborted() ? 1 : 0;
    Counts whole = Counts.of(r.criteria(), strict, errors), all = whole;
    for (PhaseResult p : r.phases()) all = all.plus(Counts.of(p.criteria(), strict, 0));
    String time = seconds(r.stats().runSeconds());
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append(String.format(Locale.ROOT, "<testsuites name=\"%s\" %s time=\"%s\">%n", Xml.escape("horde: " + name),
        all.totals(), time));
    x.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" %s time=\"%s\" timestamp=\"%s\">%n",
        Xml.escape(name + " criteria"), whole.attributes(), time, timestamp(r.startedAt())));
    properties(x, r);
    String classname = Xml.escape("horde." + classPart(name));
    String measured = seconds(r.stats().measuredSeconds());
    for (CriterionResult c : r.criteria()) testcase(x, classname, measured, c, strict);
    if (r.stats().aborted()) {
      x.append("    <testcase classname=\"").append(classname).append("\" name=\"run completed\" time=\"").append(time)
          .append("\">\n")
          .append("      <error message=\"the run was stopped early; the criteria cover what ran\" type=\"aborted\"/>\n")
          .append("    </testcase>\n");
    }
    x.append("  </testsuite>\n");
    for (PhaseResult p : r.phases()) phase(x, r, name, p, strict);
    x.append("</testsuites>\n");
    return x.toString();
  }

  private static void phase(StringBuilder x, RunResult r, String name, PhaseResult p, boolean strict) {
    x.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" %s time=\"%s\" timestamp=\"%s\">%n",
        Xml.escape(name + " phase " + p.name()), Counts.of(p.criteria(), strict, 0).attributes(),
        seconds(p.stats().runSeconds()), timestamp(later(r.startedAt(), p.startSeconds()))));
    x.append("    <properties>\n");
    property(x, "phase", p.name());
    property(x, "load", LoadText.of(p.settings()));
    property(x, "start_s", seconds(p.startSeconds()));
    property(x, "verdict", p.verdict().lower());
    if (p.grade() != null) property(x, "grade", p.grade());
    x.append("    </properties>\n");
    String classname = Xml.escape("horde." + classPart(name) + "." + classPart(p.name()));
    String measured = seconds(p.stats().measuredSeconds());
    for (CriterionResult c : p.criteria()) testcase(x, classname, measured, c, strict);
    x.append("  </testsuite>\n");
  }

  private static void properties(StringBuilder x, RunResult r) {
    x.append("    <properties>\n");
    property(x, "target", r.scenario().getOrDefault("target", ""));
    property(x, "scenario_file", r.scenario().getOrDefault("file", ""));
    property(x, "started_at", r.startedAt());
    property(x, "verdict", r.verdict().lower());
    if (r.grade() != null) property(x, "grade", r.grade());
    property(x, "horde_version", r.hordeVersion());
    x.append("    </properties>\n");
  }

  /**
   * A name as one part of a class name. CIs read class names as package.Class: a dot in a
   * scenario's name ({@code chat.v2}) or a phase's ({@code 0.5/s}) would split it.
   */
  private static String classPart(String name) {
    return name.replace('.', '_');
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** The start plus some seconds, as ISO 8601; the start unchanged when it cannot be read. */
  private static String later(String startedAt, double seconds) {
    try {
      return Instant.parse(startedAt).plusNanos(Math.round(seconds * 1e9)).toString();
    } catch (DateTimeParseException | NullPointerException e) {
      return startedAt;
    }
  }

  private static void property(StringBuilder x, String name, String value) {
    x.append("      <property name=\"").append(name).append("\" value=\"").append(Xml.escape(value)).append("\"/>\n");
  }

  /** @param time the seconds its criterion judged: the measured part of the run or the phase */
  private static void testcase(StringBuilder x, String classname, String time, CriterionResult c, boolean strict) {
    x.append("    <testcase classname=\"").append(classname).append("\" name=\"").append(Xml.escape(name(c)))
        .append("\" time=\"").append(time).append('"');
    if (c.passed()) {
      x.append("/>\n");
      return;
    }
    x.append(">\n");
    String message = message(c);
    if (level(c) == Threshold.Level.FAIL || strict) {
      x.append("      <failure message=\"").append(Xml.escape(message)).append("\" type=\"").append(level(c).name().toLowerCase(Locale.ROOT))
          .append("\">").append(Xml.escape(detail(c))).append("</failure>\n");
    } else {
      x.append("      <skipped message=\"").append(Xml.escape("warning: " + message)).append("\"/>\n");
      x.append("      <system-out>").append(Xml.escape(detail(c))).append("</system-out>\n");
    }
    x.append("    </testcase>\n");
  }

  /** {@code p95 < 2s} for the whole run, {@code p95 < 2s [/api/x]} for one endpoint or task. */
  static String name(CriterionResult c) {
    Threshold t = c.threshold();
    return t.expression() + (t.endpoint() == null ? "" : " [" + t.endpoint() + "]");
  }

  static String message(CriterionResult c) {
    Threshold t = c.threshold();
    String expected = expected(t);
    return c.noData() ? t.metric().key() + ": no data; expected " + expected
        : t.metric().key() + " was " + Units.of(c) + "; expected " + expected;
  }

  private static String detail(CriterionResult c) {
    Threshold t = c.threshold();
    return "criterion: " + t.expression() + "\nscope: " + (t.endpoint() == null ? "the whole run" : t.endpoint())
        + "\nlevel: " + level(c).name().toLowerCase(Locale.ROOT) + "\nactual: "
        + (c.noData() ? "no data" : Units.of(c)) + "\nexpected: " + expected(t) + "\n";
  }

  /** The limit as the scenario wrote it ({@code < 2s}), else as Horde prints the value. */
  static String expected(Threshold t) {
    String symbol = t.comparator().symbol;
    int i = t.expression().indexOf(symbol);
    String limit = i < 0 ? Units.of(t.metric(), t.value()) : t.expression().substring(i + symbol.length()).trim();
    return symbol + " " + limit;
  }

  private static Threshold.Level level(CriterionResult c) {
    return c.threshold().level();
  }

  /** The Ant schema's timestamp: ISO 8601 without a zone (Horde's start is UTC). */
  static String timestamp(String startedAt) {
    if (startedAt == null || startedAt.length() < 19) return "";
    return startedAt.substring(0, 19);
  }
}
