package horde.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Locust's {@code --config FILE} for {@code horde run}: a locust.conf file's settings become
 * options, placed before those of the command line, and a setting whose option the command line
 * gives is left out, so the command line wins (Locust's order). The file is read as ConfigArgParse
 * reads it: {@code key = value}, {@code key: value} or {@code key value} lines; {@code #} and
 * {@code ;} comments and {@code [section]} lines are skipped; {@code true}/{@code false} for a
 * flag; {@code [a, b]} for a list.
 *
 * <pre>
 * # locust.conf
 * locustfile = chat.yaml
 * headless = true
 * users = 50
 * spawn-rate = 10
 * run-time = 2m
 * </pre>
 */
final class LocustConfig {
  private LocustConfig() {}

  /** The arguments with the file's settings put in, or as they are without {@code --config}. */
  static String[] expand(CommandSpec run, String[] args) {
    if (args.length == 0 || !args[0].equals(run.name())) return args;
    Path file = configFile(args);
    if (file == null) return args;
    Set<OptionSpec> given = new HashSet<>();
    for (String arg : args) {
      OptionSpec o = arg.startsWith("-") ? run.findOption(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) : null;
      if (o != null) given.add(o);
    }
    List<String> out = new ArrayList<>(List.of(args[0]));
    List<String> lines = read(file);
    for (int i = 0; i < lines.size(); i++) setting(run, file, i + 1, lines.get(i), given, out);
    out.addAll(List.of(args).subList(1, args.length));
    return out.toArray(String[]::new);
  }

  private static Path configFile(String[] args) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) return Path.of(args[i + 1]);
      if (args[i].startsWith("--config=")) return Path.of(args[i].substring("--config=".length()));
    }
    return null;
  }

  private static List<String> read(Path file) {
    if (file.toString().endsWith(".toml"))
      throw new IllegalArgumentException("--config " + file + ": Horde reads locust.conf files (key = value lines),"
          + " not TOML; copy the [tool.locust] settings into a .conf file");
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--config " + file + ": cannot read it ("
          + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")");
    }
  }

  /** One line of the file, added to {@code out} as options unless the command line gives them. */
  private static void setting(CommandSpec run, Path file, int line, String text, Set<OptionSpec> given, List<String> out) {
    String s = text.strip();
    if (s.isEmpty() || s.startsWith("#") || s.startsWith(";") || s.startsWith("[") || s.startsWith("---")) return;
    if (s.startsWith("--")) s = s.substring(2);
    int end = 0;
    while (end < s.length() && "=: \t".indexOf(s.charAt(end)) < 0) end++;
    String key = s.substring(0, end).replace('_', '-');
    String value = unquote(withoutComment(s.substring(end).strip().replaceFirst("^[=:]", "").strip()));
    String flag = "--" + key;
    OptionSpec option = run.findOption(flag);
    if (option == null) {
      String advice = LocustRefusals.advice(flag);
      throw new IllegalArgumentException(file + ":" + line + ": " + (advice != null
          ? "'" + key + "' is a Locust setting Horde does not take: " + advice
          : "unknown setting '" + key + "' (settings are the long options of horde run --help, without --)"));
    }
    if (given.contains(option)) return;
    if (option.arity().max() == 0) {
      if (value.isEmpty() || value.equalsIgnoreCase("true")) out.add(flag);
      else if (!value.equalsIgnoreCase("false"))
        throw new IllegalArgumentException(file + ":" + line + ": " + key + " is true or false, not '" + value + "'");
      return;
    }
    if (value.isEmpty()) throw new IllegalArgumentException(file + ":" + line + ": " + key + " needs a value");
    out.add(flag);
    out.add(list(value));
  }

  private static String withoutComment(String value) {
    for (String mark : List.of(" #", " ;")) {
      int at = value.indexOf(mark);
      if (at >= 0) value = value.substring(0, at).strip();
    }
    return value;
  }

  private static String unquote(String v) {
    boolean quoted = v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0);
    return quoted ? v.substring(1, v.length() - 1) : v;
  }

  /** {@code [a, b]} as the comma list Horde's list options take. */
  private static String list(String v) {
    if (!(v.startsWith("[") && v.endsWith("]"))) return v;
    return Stream.of(v.substring(1, v.length() - 1).split(",")).map(String::strip).filter(x -> !x.isEmpty())
        .collect(Collectors.joining(","));
  }
}
