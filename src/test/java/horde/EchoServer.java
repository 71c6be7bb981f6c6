package horde;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket echo server Horde did not write: Python's {@code websockets} package (Debian's
 * python3-websockets, installed by scripts/install-test-deps.sh) running {@code echo_server.py} on
 * 127.0.0.1 and a port it chose. Echoes each text message after {@code delayMillis}; stopped by
 * {@link #close}.
 */
public final class EchoServer implements AutoCloseable {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private final Process process;
  private final int port;

  public EchoServer(int delayMillis) throws Exception {
    Path script = script();
    process = new ProcessBuilder(PYTHON.toString(), script.toString(), String.valueOf(delayMillis))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }).get(20, TimeUnit.SECONDS);
    if (line == null) {
      close();
      throw new IllegalStateException("the echo server did not start");
    }
    port = Integer.parseInt(line.strip());
  }

  /** Whether Python and its websockets package are here (./run-tests installs them). */
  public static boolean installed() {
    if (!Files.isExecutable(PYTHON)) return false;
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import websockets").start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static Path script() throws URISyntaxException {
    return Path.of(EchoServer.class.getResource("/horde/ws/echo_server.py").toURI());
  }

  public String url() {
    return "ws://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
