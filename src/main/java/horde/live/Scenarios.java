package horde.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The scenarios the UI offers: YAML files under the working directory that hold a scenario
 * ({@code users:} at the top level), and files uploaded through the UI (kept in memory, their
 * relative paths resolving in the working directory). A name from a browser is never trusted as a
 * path: only a listed file can be read.
 */
public final class Scenarios {
  private static final int DEPTH = 4, MAX_FILES = 500;
  private static final long MAX_BYTES = 1 << 20;
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", "build", "horde-results");

  private final Path root;
  private final Map<String, String> uploads = new ConcurrentHashMap<>();
  private final Map<String, Path> pinned = new ConcurrentHashMap<>();

  Scenarios(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Scenario files under the working directory (relative, with '/'), then uploads, sorted. */
  public List<String> list() {
    try (Stream<Path> walk = Files.walk(root, DEPTH)) {
      Stream<String> files = walk.filter(p -> !hidden(p) && isScenario(p)).limit(MAX_FILES)
          .map(p -> root.relativize(p).toString().replace('\\', '/'));
      return Stream.concat(Stream.concat(files, pinned.keySet().stream()), uploads.keySet().stream()).sorted().distinct()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      return List.copyOf(uploads.keySet());
    }
  }

  private boolean hidden(Path p) {
    for (Path part : root.relativize(p)) {
      String s = part.toString();
      if (s.startsWith(".") || SKIPPED.contains(s)) return true;
    }
    return false;
  }

  private static boolean isScenario(Path p) {
    String n = p.getFileName().toString();
    if (!(n.endsWith(".yaml") || n.endsWith(".yml")) || !Files.isRegularFile(p)) return false;
    try {
      if (Files.size(p) > MAX_BYTES) return false;
      for (String line : Files.readAllLines(p)) if (line.startsWith("users:")) return true;
      return false;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Lists {@code file} whatever it holds and wherever it is (the file {@code horde ui FILE} names); returns its name. */
  public String pin(Path file) {
    Path f = file.toAbsolutePath().normalize();
    String name = f.startsWith(root) ? root.relativize(f).toString().replace('\\', '/') : f.toString();
    pinned.put(name, f);
    return name;
  }

  /** Keeps an uploaded scenario under {@code name} (a plain file name); returns the name it is listed under. */
  public String upload(String name, String text) {
    String n = name == null ? "" : Path.of(name.replace('\\', '/')).getFileName() == null ? "" : Path.of(name.replace('\\', '/')).getFileName().toString();
    if (!n.matches("[A-Za-z0-9._ -]{1,100}") || !(n.endsWith(".yaml") || n.endsWith(".yml")))
      throw new IllegalArgumentException("name the upload like chat.yaml (letters, digits, . _ - and spaces)");
    if (text.length() > MAX_BYTES) throw new IllegalArgumentException("a scenario of more than 1 MiB");
    String listed = "uploaded/" + n;
    uploads.put(listed, text);
    return listed;
  }

  /**
   * The scenario listed under {@code name}.
   *
   * @throws IllegalArgumentException when no listed scenario has that name
   */
  public Source source(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("choose a scenario");
    String text = uploads.get(name);
    if (text != null) return new Source(name, text, root);
    Path file = pinned.containsKey(name) ? pinned.get(name) : listed(name);
    if (file == null) throw new IllegalArgumentException("no scenario " + Form.clip(name) + " under " + root);
    try {
      return new Source(name, Files.readString(file), file.getParent());
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage());
    }
  }

  /** The file a name from the list stands for, or null when the list would not hold it. */
  private Path listed(String name) {
    Path file;
    try {
      file = root.resolve(name).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!file.startsWith(root) || file.equals(root) || root.relativize(file).getNameCount() > DEPTH || hidden(file)) return null;
    return isScenario(file) ? file : null;
  }

  public Path root() {
    return root;
  }
}
