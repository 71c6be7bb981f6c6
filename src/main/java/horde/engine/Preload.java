package horde.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;

/**
 * Loads before the load what would otherwise be read from a file the first time it is needed:
 * under load the sockets may take every file descriptor, and then nothing can be opened. A log
 * line's time zone (tzdb.dat) then fails to load and kills the thread that writes it, and a class
 * file first needed on a failure path (a connect that found no descriptor) cannot be read, so the
 * failure is never counted. From the jar, classes load through the jar already open; from a folder
 * (an IDE, the tests) each is a file of its own, so they are all loaded now, once per process.
 */
final class Preload {
  private static volatile boolean done;

  private Preload() {}

  static void beforeLoad() {
    if (done) return;
    ZoneId.systemDefault().getRules();
    ownClassesFromAFolder();
    done = true;
  }

  private static void ownClassesFromAFolder() {
    Path root;
    try {
      root = Path.of(Preload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return; // no file location to read from: nothing to do
    }
    if (!Files.isDirectory(root.resolve("horde"))) return;
    ClassLoader loader = Preload.class.getClassLoader();
    try (Stream<Path> files = Files.walk(root.resolve("horde"))) {
      files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class")).forEach(f -> {
        try {
          Class.forName(f.substring(0, f.length() - 6).replace('/', '.').replace('\\', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          // a class that does not load now fails as it would have: when first used
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
