package horde.scenario.yaml;

import horde.scenario.InvalidScenarioException;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a scenario from YAML (the format is described in {@code docs/scenario-format.md}).
 *
 * <pre>{@code
 * try {
 *   Scenario s = ScenarioLoader.load(Path.of("chat.yaml"));
 * } catch (InvalidScenarioException e) {
 *   e.problems().forEach(System.err::println);   // chat.yaml:12:7: timeout: expected a duration like 30s, found '30'
 * }
 * }</pre>
 *
 * Every problem in the file is reported, each with its 1-based line and column, not only the first.
 * Names used in templates are not checked here; the planner does that.
 */
public final class ScenarioLoader {
  /**
   * The largest scenario, in bytes (and in characters for text): far above any real one, and
   * checked before parsing, so that a huge file is refused at once rather than after seconds.
   */
  public static final int MAX_SIZE = 3 * 1024 * 1024;

  private ScenarioLoader() {}

  /** Reads {@code file}; feeder paths are relative to its folder. */
  public static Scenario load(Path file) {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_SIZE) throw tooLarge(file.toString(), size, "bytes");
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new InvalidScenarioException(
          new SourcePosition(file.toString(), 0, 0), "not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new InvalidScenarioException(new SourcePosition(file.toString(), 0, 0), "no such file");
    } catch (AccessDeniedException e) {
      throw new InvalidScenarioException(
          new SourcePosition(file.toString(), 0, 0), "cannot read the file: permission denied");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InvalidScenarioException(
          new SourcePosition(file.toString(), 0, 0), "cannot read the file: " + why);
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), folder);
  }

  /**
   * Reads scenario text.
   *
   * @param fileName shown in problem positions; also the scenario's default name
   * @param baseDir the folder relative feeder paths resolve against; null means the working folder
   * @throws InvalidScenarioException with every problem found
   */
  public static Scenario parse(String yaml, String fileName, Path baseDir) {
    if (yaml.length() > MAX_SIZE) throw tooLarge(fileName, yaml.length(), "characters");
    Source source = new Source(fileName, yaml);
    Problems problems = new Problems(source);
    Optional<Node> root = compose(yaml, fileName, problems);
    Scenario scenario = null;
    if (root.isPresent()) {
      Structure.check(problems, root.get());
      scenario =
          new ScenarioReader(problems, baseDir == null ? Path.of("") : baseDir).read(root.get());
    } else if (problems.isEmpty()) {
      problems.add(
          new SourcePosition(fileName, 1, 1),
          "the file is empty; expected a scenario with at least users (or tasks)");
    }
    if (!problems.isEmpty() || scenario == null)
      throw new InvalidScenarioException(problems.list());
    return scenario;
  }

  private static InvalidScenarioException tooLarge(String fileName, long size, String unit) {
    String message =
        String.format(
            Locale.ROOT,
            "the file is %,d %s; a scenario may be at most %,d (keep data in feeder files)",
            size,
            unit,
            MAX_SIZE);
    return new InvalidScenarioException(new SourcePosition(fileName, 1, 1), message);
  }

  private static Optional<Node> compose(String yaml, String fileName, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(fileName)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true) // Structure reports them all, with positions
            .setAllowNonScalarKeys(true) // likewise
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(MAX_SIZE)
            // One read of the whole text: the reader's window grows by copying, so a long value
            // read through small buffers costs time quadratic in its length.
            .setBufferSize(Math.max(1, yaml.length()))
            .build();
    try {
      Parser events =
          new AliasGuard(new ParserImpl(settings, new StreamReader(settings, yaml)));
      return new Composer(settings, events).getSingleNode();
    } catch (AliasGuard.SelfReference e) {
      SourcePosition at =
          e.at == null ? new SourcePosition(fileName, 1, 1) : problems.source().at(e.at);
      problems.add(at, e.getMessage());
    } catch (MarkedYamlEngineException e) {
      syntaxProblem(e, problems);
    } catch (ReaderException e) {
      problems.add(
          problems.source().atIndex(e.getPosition()),
          String.format("the character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (YamlEngineException e) {
      problems.add(new SourcePosition(fileName, 1, 1), "not valid YAML: " + e.getMessage());
    } catch (StackOverflowError e) {
      problems.add(new SourcePosition(fileName, 1, 1), "the document nests too deeply to read");
    }
    return Optional.empty();
  }

  /**
   * A YAML syntax error at the reader's problem mark, in plainer words for the common mistakes. An
   * unclosed quote is reported where it opens: the reader only notices at the end of the file.
   */
  private static void syntaxProblem(MarkedYamlEngineException e, Problems problems) {
    Source source = problems.source();
    String problem = e.getProblem() == null ? "" : e.getProblem().strip();
    String context = e.getContext() == null ? "" : e.getContext().strip();
    Optional<Mark> problemMark = e.getProblemMark();
    Optional<Mark> contextMark = e.getContextMark();
    SourcePosition at =
        problemMark
            .or(() -> contextMark)
            .map(source::at)
            .orElse(new SourcePosition(source.file(), 1, 1));
    String message;
    if (problem.contains("(TAB)")) {
      message = "a tab cannot indent YAML; use spaces";
    } else if (context.contains("quoted scalar")
        && problem.contains("end of stream")
        && contextMark.isPresent()) {
      message =
          "not valid YAML: this quote is never closed (the file ends at line " + at.line() + ")";
      at = source.at(contextMark.get());
    } else if (problemMark.isPresent() && startsTemplate(source, problemMark.get().getIndex())) {
      message =
          "not valid YAML: inside [ ] or { }, a value with ${...} must be quoted, like"
              + " \"/c/${id}\"";
      at = new SourcePosition(at.file(), at.line(), at.column() - 1); // at the '$'.
    } else if (problem.contains("found another document")) {
      message = "not valid YAML: a scenario is one YAML document, and another starts here";
    } else if (problem.startsWith("expected <block end>")) {
      message = "not valid YAML: this line is indented differently from the keys above it";
    } else if (problem.startsWith("mapping values are not allowed")) {
      message =
          "not valid YAML: ':' is not allowed here (check the indentation, or quote a value that"
              + " contains ': ')";
    } else {
      StringBuilder out = new StringBuilder("not valid YAML: ").append(problem);
      if (!context.isEmpty()) {
        out.append(" (").append(context);
        contextMark
            .filter(m -> problemMark.map(pm -> pm.getIndex() != m.getIndex()).orElse(true))
            .ifPresent(
                m ->
                    out.append(" that started at line ")
                        .append(m.getLine() + 1)
                        .append(", column ")
                        .append(m.getColumn() + 1));
        out.append(')');
      }
      message = out.toString();
    }
    problems.add(at, message);
  }

  /**
   * Whether the text at {@code index} is the '{' of a '${' (which ends a plain value in flow
   * style).
   */
  private static boolean startsTemplate(Source source, int index) {
    return source.codePointAt(index) == '{' && source.codePointAt(index - 1) == '$';
  }
}
