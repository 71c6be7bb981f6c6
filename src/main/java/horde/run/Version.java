package horde.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Horde's version, from the build. */
public final class Version {
  public static final String VALUE = read();

  private Version() {}

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/horde/version.txt")) {
      return in == null ? "dev" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "dev";
    }
  }
}
