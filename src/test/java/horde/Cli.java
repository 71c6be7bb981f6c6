package horde;

import horde.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real CLI in this JVM and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
