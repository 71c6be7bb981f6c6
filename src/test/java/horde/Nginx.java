package horde;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's, with the echo module: {@code ./run-tests} installs both) on 127.0.0.1
 * and a free port, in a temp folder of its own, with an access log to reconcile counts against.
 * Locations: {@code /fast} (200, no I/O), {@code /sleep/50} (200 after 50 ms), {@code /sleep/60} (after 60 ms), {@code /err} (503),
 * {@code /sse} (an event stream: a token at 100 ms, then 19 more 20 ms apart, then {@code [DONE]}),
 * {@code /sse-cut} (two tokens and no {@code [DONE]}).
 */
public final class Nginx implements AutoCloseable {
  private static final String ECHO = "/usr/lib/nginx/modules/ngx_http_echo_module.so";
  private final Path dir;
  private final String host;
  private final int port;
  private final Process master;
  /** HTTP/2 over TLS (a self-signed certificate made here) and h2c with prior knowledge; 0 when not asked for. */
  private final int tlsPort;
  private final int h2cPort;
  /** TLS without h2: ALPN offers http/1.1 only. */
  private final int tls11Port;

  public Nginx(Path dir) throws IOException, InterruptedException {
    this(dir, List.of(), "127.0.0.1", Ports.free());
  }


  /**
   * An nginx that also speaks HTTP/2: h2 over TLS by ALPN on {@link #h2Url()} (with a self-signed
   * certificate for 127.0.0.1 made by openssl), and h2c with prior knowledge on {@link #h2cUrl()}.
   */
  public static Nginx withHttp2(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", dir.resolve("key.pem").toString(), "-out",
        dir.resolve("cert.pem").toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
    String said = new String(openssl.getInputStream().readAllBytes());
    if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) throw new IOException("openssl: " + said);
    int[] ports = Ports.distinct(4);
    return new Nginx(dir, List.of(), "127.0.0.1", ports[0], ports[1], ports[2], ports[3]);
  }

  /** An nginx run under {@code prefix} (e.g. {@code ip netns exec NS}), listening on {@code host:port} there. */
  public Nginx(Path dir, List<String> prefix, String host, int port) throws IOException, InterruptedException {
    this(dir, prefix, host, port, 0, 0, 0);
  }

  private Nginx(Path dir, List<String> prefix, String host, int port, int tlsPort, int h2cPort, int tls11Port)
      throws IOException, InterruptedException {
    this.dir = dir;
    this.tlsPort = tlsPort;
    this.h2cPort = h2cPort;
    this.tls11Port = tls11Port;
    this.host = host;
    this.port = port;
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("nginx.conf"), config());
    List<String> cmd = new java.util.ArrayList<>(prefix);
    cmd.addAll(List.of("nginx", "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;"));
    master = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.txt").toFile()).start();
    if (prefix.isEmpty()) awaitListening();
    else awaitPidFile(); // elsewhere on the network: nginx writes its pid once it listens
  }

  /** Whether nginx and its echo module are installed here. */
  public static boolean installed() {
    return Files.isRegularFile(Path.of(ECHO)) && List.of(System.getenv("PATH").split(":")).stream()
        .anyMatch(p -> Files.isExecutable(Path.of(p, "nginx")));
  }

  private String config() {
    return """
        load_module %s;
        worker_processes 1;
        pid logs/nginx.pid;
        error_log logs/error.log warn;
        events { worker_connections 4096; }
        http {
          log_format counted '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                             '"$http_referer" "$http_user_agent" conn=$connection n=$connection_requests';
          access_log logs/access.log counted;
          client_body_temp_path %s/body;
          proxy_temp_path %s/proxy;
          fastcgi_temp_path %s/fastcgi;
          uwsgi_temp_path %s/uwsgi;
          scgi_temp_path %s/scgi;
          keepalive_requests 100000000;
          server {
            listen %s:%d backlog=4096;
            %s
            location = /fast { default_type application/json; return 200 '{"ok":true}'; }
            location = /sleep/50 { default_type application/json; echo_sleep 0.05; echo '{"ok":true}'; }
            location = /sleep/60 { default_type application/json; echo_sleep 0.06; echo '{"ok":true}'; }
            location = /err { default_type application/json; return 503 '{"ok":false}'; }
            location = /sse {
              default_type text/event-stream;
              echo_sleep 0.1; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.02; echo "data: [DONE]"; echo "";
            }
            location = /sse-cut {
              default_type text/event-stream;
              echo_sleep 0.05; echo "data: tok"; echo ""; echo_flush;
              echo_sleep 0.05; echo "data: tok"; echo ""; echo_flush;
            }
          }
        }
        """.formatted(ECHO, dir, dir, dir, dir, dir, host, port, http2Listens());
  }

  private String http2Listens() {
    if (tlsPort == 0) return "";
    return """
        listen %s:%d ssl http2 backlog=4096;
            listen %s:%d http2 backlog=4096;
            listen %s:%d ssl backlog=4096;
            ssl_certificate %s;
            ssl_certificate_key %s;
            http2_max_concurrent_streams 128;
        """.formatted(host, tlsPort, host, h2cPort, host, tls11Port, dir.resolve("cert.pem"), dir.resolve("key.pem"));
  }

  private void awaitListening() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      if (!master.isAlive()) throw new IOException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout.txt")));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("nginx is not listening on " + port);
  }

  private void awaitPidFile() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      if (!master.isAlive()) throw new IOException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout.txt")));
      if (Files.isRegularFile(dir.resolve("logs/nginx.pid"))) return;
      Thread.sleep(50);
    }
    throw new IOException("nginx did not start on " + host + ":" + port);
  }

  public String url() {
    return "http://" + host + ":" + port;
  }

  /** {@code https://} on the port that speaks h2 (and HTTP/1.1) over TLS. */
  public String h2Url() {
    return "https://" + host + ":" + tlsPort;
  }

  /** {@code https://} on a port whose TLS offers HTTP/1.1 only. */
  public String tls11Url() {
    return "https://" + host + ":" + tls11Port;
  }

  /** {@code http://} on the port that speaks h2c with prior knowledge only. */
  public String h2cUrl() {
    return "http://" + host + ":" + h2cPort;
  }

  /** The access log's lines for {@code path} over {@code protocol} (e.g. {@code HTTP/2.0}). */
  public List<String> lines(String path, String protocol) throws IOException {
    try (var lines = Files.lines(dir.resolve("logs/access.log"))) {
      return lines.filter(l -> l.contains("\"GET " + path + " " + protocol + "\"")).toList();
    }
  }

  /** Lines in the access log for {@code path}: every request nginx answered. */
  public long logged(String path) throws IOException {
    try (var lines = Files.lines(dir.resolve("logs/access.log"))) {
      return lines.filter(l -> l.contains("\"GET " + path + " ")).count();
    }
  }

  /** The request targets (path and query) of the access log that begin with {@code prefix}, in order. */
  public List<String> requested(String prefix) throws IOException {
    try (var lines = Files.lines(dir.resolve("logs/access.log"))) {
      return lines.map(l -> l.split(" ")).filter(f -> f.length > 6 && f[6].startsWith(prefix)).map(f -> f[6]).toList();
    }
  }

  /** Stops nginx gracefully, so the access log is complete. */
  @Override
  public void close() {
    master.destroy(); // SIGTERM: nginx finishes its log writes and exits
    try {
      if (!master.waitFor(10, TimeUnit.SECONDS)) master.destroyForcibly();
    } catch (InterruptedException e) {
      master.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
