package horde.cli;

import horde.report.HtmlReport;
import horde.report.JunitXml;
import horde.report.LocustCsv;
import horde.result.ResultJson;
import horde.result.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Writes the files an {@link Outputs} asks for from a result, naming each one written. Shared by
 * {@code run} (at the end of the run) and {@code report} (from a result file), so both give the same
 * files.
 */
final class ReportFiles {
  private final PrintWriter out;
  private final PrintWriter err;

  ReportFiles(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Writes every requested file; false if one could not be written (the others are still tried). */
  boolean write(RunResult result, Outputs outputs, boolean withJson) {
    boolean ok = true;
    if (withJson && outputs.json() != null) ok &= file("Result", outputs.json(), () -> ResultJson.write(result, outputs.json()));
    if (outputs.html() != null) ok &= file("HTML report", outputs.html(), () -> HtmlReport.write(result, outputs.html()));
    if (outputs.csvPrefix() != null) {
      ok &= file("CSV", Path.of(outputs.csvPrefix() + "_*.csv"), () -> LocustCsv.write(result, outputs.csvPrefix(), outputs.csvFullHistory()));
    }
    if (outputs.junit() != null) ok &= file("JUnit XML", outputs.junit(), () -> JunitXml.write(result, outputs.junit(), outputs.strict()));
    out.flush();
    return ok;
  }

  interface Writing {
    void run() throws IOException;
  }

  /** Writes one file and names it; false, with the reason said, when it could not be written. */
  boolean file(String what, Path path, Writing writing) {
    try {
      writing.run();
      out.println(what + ": " + path);
      return true;
    } catch (IOException | RuntimeException e) {
      err.println("horde: could not write " + path + ": " + e.getMessage());
      err.flush();
      return false;
    }
  }
}
