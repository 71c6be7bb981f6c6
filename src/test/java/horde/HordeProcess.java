package horde;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in its own JVM (the same JDK and class path as the tests), for what only a process has:
 * signals and real exit codes. Output goes to a file the test can read while it runs.
 */
public final class HordeProcess implements AutoCloseable {
  private final Process process;
  private final Path output;

  public HordeProcess(Path dir, String... args) throws IOException {
    this(dir, List.of(), java.util.Map.of(), List.of(args));
  }

  /** @param prefix a command the JVM runs under, e.g. {@code taskset -c 1} */
  public HordeProcess(Path dir, List<String> prefix, String... args) throws IOException {
    this(dir, prefix, java.util.Map.of(), List.of(args));
  }

  /** @param env variables added to the process's environment (a scenario's {@code ${env.NAME}}) */
  public HordeProcess(Path dir, List<String> prefix, java.util.Map<String, String> env, String... args) throws IOException {
    this(dir, prefix, env, List.of(args));
  }

  /**
   * @param prefix what runs the JVM (a shell that sets a limit first, taskset), or nothing
   * @param args the JVM's own flags, then {@code horde.cli.Main}'s arguments after a {@code "--"}
   */
  private HordeProcess(Path dir, List<String> prefix, java.util.Map<String, String> env, List<String> args)
      throws IOException {
    output = dir.resolve("horde-output.txt");
    List<String> cmd = new ArrayList<>(prefix);
    // as ./horde runs it
    cmd.addAll(List.of(javaBin(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    int split = args.indexOf("--");
    cmd.addAll(args.subList(0, Math.max(0, split)));
    // Runs are recorded where this JVM records them (see pom.xml), not in the working folder.
    String db = System.getProperty("horde.db");
    if (db != null) cmd.add("-Dhorde.db=" + db);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "horde.cli.Main"));
    cmd.addAll(args.subList(split + 1, args.size()));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    process = builder.start();
  }

  /** The CLI with at most {@code descriptors} open files ({@code ulimit -n}, soft and hard). */
  public static HordeProcess withDescriptors(int descriptors, Path dir, String... args) throws IOException {
    return new HordeProcess(dir, List.of("bash", "-c", "ulimit -n " + descriptors + " && exec \"$@\"", "bash"),
        java.util.Map.of(), List.of(args));
  }

  /** The CLI in a JVM started with {@code jvmFlags} (e.g. {@code -Xmx256m}). */
  public static HordeProcess withJvmFlags(List<String> jvmFlags, Path dir, String... args) throws IOException {
    List<String> all = new ArrayList<>(jvmFlags);
    all.add("--");
    all.addAll(List.of(args));
    return new HordeProcess(dir, List.of(), java.util.Map.of(), all);
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  public String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /** Waits until the output contains {@code text}; false after {@code seconds}. */
  public boolean awaitOutput(String text, int seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end && process.isAlive()) {
      if (output().contains(text)) return true;
      Thread.sleep(50);
    }
    return output().contains(text);
  }

  /**
   * The live web UI's address that {@code horde run --ui} prints ("Live UI: http://..."), once it
   * has printed it within {@code seconds}; null when it did not.
   */
  public java.net.URI liveUi(int seconds) throws IOException, InterruptedException {
    if (!awaitOutput("Live UI: http", seconds)) return null;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Live UI: (http://\\S+?)/ ").matcher(output());
    return m.find() ? java.net.URI.create(m.group(1)) : null;
  }

  public void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }

  /** The exit code, or -1 when it did not end in time. */
  public int waitFor(int seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
