package horde.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of this machine, read without a network lookup. */
final class Host {
  private Host() {}

  static String name() {
    try {
      String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!n.isEmpty()) return n;
    } catch (IOException | RuntimeException e) {
      // not Linux: the environment may say
    }
    String env = System.getenv("HOSTNAME");
    if (env == null) env = System.getenv("COMPUTERNAME");
    return env == null || env.isBlank() ? "unknown" : env.strip();
  }
}
