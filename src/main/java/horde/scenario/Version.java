package horde.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Horde's own version, from the build: {@code horde --version}, a result's {@code horde_version},
 * the cluster's handshake and every request's {@code User-Agent: horde/<version>} read this one
 * value. Here, at the start of the pipeline, so that the plan can use it as the edges do.
 *
 * <pre>{@code String agent = "horde/" + Version.VALUE;  // "horde/0.1.0"}</pre>
 */
public final class Version {
  /** The project version Maven writes into {@code horde/version.txt}, or "dev" when the classes run without it. */
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
