package horde.report;

import horde.compare.Change;
import horde.compare.ChangeVerdict;
import horde.compare.Comparison;
import horde.compare.EndpointComparison;
import horde.compare.Presence;
import horde.scenario.CompareSettings.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A comparison as JUnit XML, one test case per endpoint and measure: a regression at fail level
 * (any, with {@code strict}) is a {@code <failure>}; one at warn level, a measure without enough
 * data and an endpoint in only one run are {@code <skipped>} with the reason, so CI shows them
 * without failing the build, as the exit code does.
 */
public final class CompareJunit {
  private CompareJunit() {}

  public static void write(Comparison c, Path file, boolean strict) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, of(c, strict));
  }

  public static String of(Comparison c, boolean strict) {
    StringBuilder cases = new StringBuilder();
    int tests = 0, failures = 0, skipped = 0;
    for (EndpointComparison e : c.endpoints()) {
      String classname = Xml.escape("horde.compare." + e.label().replace('.', '_'));
      if (e.presence() != Presence.BOTH) {
        tests++;
        skipped++;
        cases.append("    <testcase classname=\"").append(classname).append("\" name=\"present in both runs\" time=\"0\">\n")
            .append("      <skipped message=\"").append(Xml.escape("only in the "
                + (e.presence() == Presence.BASELINE_ONLY ? "baseline" : "candidate"))).append("\"/>\n    </testcase>\n");
        continue;
      }
      for (Change ch : e.changes()) {
        tests++;
        cases.append("    <testcase classname=\"").append(classname).append("\" name=\"").append(ch.measure().key())
            .append("\" time=\"0\"");
        String message = message(ch);
        boolean regressed = ch.verdict() == ChangeVerdict.REGRESSED;
        if (regressed && (strict || ch.level() == Level.FAIL)) {
          failures++;
          cases.append(">\n      <failure message=\"").append(Xml.escape(message)).append("\" type=\"regression\">")
              .append(Xml.escape(ch.test())).append("</failure>\n    </testcase>\n");
        } else if (regressed || ch.verdict() == ChangeVerdict.INSUFFICIENT_DATA) {
          skipped++;
          cases.append(">\n      <skipped message=\"").append(Xml.escape((regressed ? "warning: " : "") + message))
              .append("\"/>\n    </testcase>\n");
        } else {
          cases.append(">\n      <system-out>").append(Xml.escape(message)).append("</system-out>\n    </testcase>\n");
        }
      }
    }
    String name = Xml.escape("compare " + c.candidate() + " against " + c.baseline());
    String counts = String.format(Locale.ROOT, "tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\"", tests, failures, skipped);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + name + "\" " + counts + ">\n  <testsuite name=\""
        + name + "\" " + counts + ">\n" + cases + "  </testsuite>\n</testsuites>\n";
  }

  private static String message(Change ch) {
    if (ch.verdict() == ChangeVerdict.INSUFFICIENT_DATA) return "insufficient data: " + ch.note();
    return ch.measure().key() + " " + ch.verdict().text() + ": " + CompareTable.value(ch.measure(), ch.baseline()) + " → "
        + CompareTable.value(ch.measure(), ch.candidate()) + " (" + CompareTable.change(ch) + ", interval "
        + CompareTable.interval(ch.measure(), ch.interval()) + ")";
  }
}
