package horde.cli;

import horde.scenario.yaml.ScenarioSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code horde init [--template chat|openai|rest] [FILE]}: writes a commented starter scenario that
 * runs as it is against {@code horde simulate}, and the JSON Schema next to it for editors.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionInfo.class,
    description = "Write a commented starter scenario (and its JSON Schema, for editors).")
final class InitCommand implements Callable<Integer> {
  /** The starter scenarios, in src/main/resources/horde/init/. */
  enum Template {
    chat,
    openai,
    rest
  }

  static final String SCHEMA_FILE = "scenario.schema.json";
  private static final Pattern HORDE_SCHEMA =
      Pattern.compile("\"title\"\\s*:\\s*\"Horde scenario\"");

  @Spec CommandSpec spec;

  @Option(
      names = {"-t", "--template"},
      paramLabel = "NAME",
      description =
          "chat (a conversation API, default), openai (chat completions) or rest (endpoints and"
              + " an async job polled until done).")
  Template template = Template.chat;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Default: scenario.yaml.")
  Path file = Path.of("scenario.yaml");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (Files.exists(file) && !force) {
      err.println("horde: " + file + " exists; use --force to overwrite it");
      return ExitCode.BAD_INPUT;
    }
    Path schema = file.toAbsolutePath().resolveSibling(SCHEMA_FILE);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, template(template));
      boolean schemaWritten = writeSchema(schema);
      out.printf(
          "Wrote %s (the %s template)%s.%n",
          file, template, schemaWritten ? " and " + SCHEMA_FILE : "");
      if (!schemaWritten) out.printf("Left %s as it is: it is not one Horde wrote.%n", schema);
      out.printf("Next: horde simulate &   then   horde run %s%n", file);
      return ExitCode.PASS;
    } catch (IOException e) {
      err.println("horde: cannot write " + file + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }

  /** Writes the schema unless a file there is someone else's. */
  private static boolean writeSchema(Path schema) throws IOException {
    String json = ScenarioSchema.json();
    if (Files.exists(schema) && !HORDE_SCHEMA.matcher(Files.readString(schema)).find())
      return false;
    Files.writeString(schema, json);
    return true;
  }

  static String template(Template t) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("/horde/init/" + t + ".yaml")) {
      if (in == null) throw new IOException("the " + t + " template is missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
