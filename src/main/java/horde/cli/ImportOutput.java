package horde.cli;

import horde.importer.Draft;
import horde.importer.ImportException;
import horde.importer.ScenarioWriter;
import horde.plan.Planner;
import horde.scenario.InvalidScenarioException;
import horde.scenario.yaml.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What every {@code horde import} subcommand shares: where the scenario goes ({@code --out}, or
 * standard output), the target override ({@code --host}), and a check of the scenario before it is
 * written — what an import writes must pass {@code horde validate}, so one that does not is a bug
 * in Horde, reported as such and not written.
 */
final class ImportOutput {
  private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)");

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the scenario to FILE (default: standard output).")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Option(names = {"-H", "--host"}, paramLabel = "URL",
      description = "Target this scheme://host:port instead of the one imported (the imported base path stays unless URL has one).")
  String host;

  /** Reads a source into a draft; says why it cannot. */
  interface Source {
    Draft read() throws ImportException;
  }

  /** Reads the source and writes its scenario; returns the exit code. */
  int write(Source source, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    Draft draft;
    String yaml;
    try {
      draft = source.read();
      yaml = ScenarioWriter.yaml(draft, host);
    } catch (ImportException e) {
      err.println("horde: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    String name = out == null ? draft.name() + ".yaml" : out.toString();
    try {
      new Planner(System.getenv()).plan(ScenarioLoader.parse(yaml, name, null));
    } catch (InvalidScenarioException e) {
      ScenarioFiles.printProblems(e, err);
      err.println("horde: internal error: the imported scenario does not pass horde validate (a bug in horde import)");
      return ExitCode.INTERNAL;
    }
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      err.println(summary("Imported", draft, yaml));
      return ExitCode.PASS;
    }
    if (Files.exists(out) && !force) {
      err.println("horde: " + out + " exists; use --force to overwrite it");
      return ExitCode.BAD_INPUT;
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(out, yaml);
    } catch (IOException e) {
      err.println("horde: cannot write " + out + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(summary("Wrote " + out + ":", draft, yaml));
    o.printf("Next: horde validate %s   then   horde run %s%n", out, out);
    return ExitCode.PASS;
  }

  private static String summary(String lead, Draft d, String yaml) {
    StringBuilder b = new StringBuilder(lead).append(' ').append(count(d.calls().size(), "request"));
    if (d.saved() > 0) b.append(", ").append(count(d.saved(), "value")).append(" saved for later requests");
    Set<String> env = new LinkedHashSet<>();
    Matcher m = ENV.matcher(yaml);
    while (m.find()) env.add(m.group(1));
    if (!env.isEmpty()) b.append("; set ").append(String.join(", ", env)).append(" in the environment");
    return b.append('.').toString();
  }

  private static String count(int n, String one) {
    return n + " " + one + (n == 1 ? "" : "s");
  }
}
