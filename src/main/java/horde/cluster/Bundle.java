package horde.cluster;

import horde.scenario.FeederSpec;
import horde.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a worker needs to plan the coordinator's test without files of its own: the scenario
 * as written, the files it reads (feeders) by their path on the coordinator, the environment
 * variables it names, and the command-line changes to its load.
 *
 * @param scenarioPath the scenario file's absolute path on the coordinator
 * @param text the scenario as written
 * @param files the files the scenario reads, by absolute path on the coordinator
 * @param environment the values of the variables the scenario names ({@code ${env.X}})
 * @param flags the coordinator's changes to the scenario ({@code --users}, {@code --host}...), by flag name
 */
public record Bundle(String scenarioPath, String text, Map<String, byte[]> files, Map<String, String> environment,
    Map<String, String> flags) {
  public Bundle {
    files = Map.copyOf(files);
    environment = new TreeMap<>(environment);
    flags = new TreeMap<>(flags);
  }

  private static final Pattern ENV = Pattern.compile("\\$\\{\\s*env\\.([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * What the coordinator ships of a scenario it loaded from {@code file}: the text, every feeder's
   * file, and the values of the environment variables the text names (those set here).
   */
  public static Bundle of(Path file, Scenario scenario, Map<String, String> environment, Map<String, String> flags)
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (FeederSpec f : scenario.feeders().values()) files.put(f.file(), Files.readAllBytes(Path.of(f.file())));
    String text = Files.readString(file);
    Map<String, String> named = new TreeMap<>();
    Matcher m = ENV.matcher(text);
    while (m.find()) if (environment.containsKey(m.group(1))) named.put(m.group(1), environment.get(m.group(1)));
    return new Bundle(file.toAbsolutePath().normalize().toString(), text, files, named, flags);
  }

  /**
   * Lays the scenario and its files out under {@code root} as they lie on the coordinator (paths
   * relative to the scenario resolve as they did there); returns where the scenario is.
   */
  public Path unpack(Path root) throws IOException {
    Path scenario = under(root, scenarioPath);
    Files.createDirectories(scenario.getParent());
    Files.writeString(scenario, text);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = under(root, f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    return scenario;
  }

  private static Path under(Path root, String absolute) {
    Path p = root.resolve(absolute.replaceFirst("^[/\\\\]+", "").replace(':', '_')).normalize();
    if (!p.startsWith(root)) throw new IllegalArgumentException("a shipped path outside the test's folder: " + absolute);
    return p;
  }

  /** The bytes of the files, for the banner and the benchmark. */
  public long fileBytes() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }
}
