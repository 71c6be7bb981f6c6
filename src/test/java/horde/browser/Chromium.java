package horde.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, with its DevTools endpoint on a free loopback port, for tests that
 * open a page as a person's browser would. Every network-facing background service is switched
 * off and every host name resolves to nothing, so the browser itself sends nothing off the machine
 * (its component updater and sign-in still try: those attempts fail at name resolution).
 *
 * <pre>{@code
 * try (Chromium chromium = Chromium.start(); DevTools page = chromium.newPage()) { ... }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {
  /** The browser binary itself; Debian's /usr/bin/chromium wrapper would add extension flags. */
  static final List<Path> CANDIDATES = List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"),
      Path.of("/usr/bin/chromium-browser"));
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--disable-background-networking", "--disable-component-update", "--disable-extensions", "--disable-sync",
      "--no-first-run", "--no-default-browser-check", "--disable-quic", "--disable-default-apps",
      "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad", "--no-pings",
      "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter,AutofillServerCommunication",
      "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0");

  private final Process process;
  private final Path profile;
  private final int port;

  private Chromium(Process process, Path profile, int port) {
    this.process = process;
    this.profile = profile;
    this.port = port;
  }

  /** The browser's path, or null when none is installed. */
  public static Path find() {
    return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  public static Chromium start() throws IOException, InterruptedException {
    Path binary = find();
    if (binary == null) throw new IOException("no Chromium at " + CANDIDATES + " (apt-get install chromium)");
    Path profile = Files.createTempDirectory("horde-chromium");
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.add("about:blank");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("Chromium did not open its DevTools port; log:\n" + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(20);
    }
    return new Chromium(p, profile, Integer.parseInt(Files.readAllLines(portFile).get(0).trim()));
  }

  /** A new blank tab, driven over the DevTools protocol. */
  public DevTools newPage() throws IOException, InterruptedException {
    return DevTools.newPage(port);
  }

  @Override
  public void close() throws IOException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
