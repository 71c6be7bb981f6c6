package horde.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The check before any load: a GET of the health path that must answer 2xx, or a TCP connect to
 * the target. A target that is down fails fast with a clear message instead of a run full of
 * connection errors.
 */
public final class Preflight {
  private Preflight() {}

  /** @param insecure a self-signed target: its health URL is not fetched, only connected to */
  public static void check(URI target, horde.scenario.Preflight how, boolean insecure) throws UnreachableTargetException {
    if (!how.enabled()) return;
    if (how.path() == null || insecure && "https".equals(target.getScheme())) connect(target, how.timeout());
    else health(target, how.path(), how.timeout());
  }

  private static void connect(URI target, Duration timeout) throws UnreachableTargetException {
    int port = target.getPort() > 0 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(target.getHost(), port), (int) timeout.toMillis());
    } catch (IOException e) {
      throw new UnreachableTargetException("cannot connect to " + target.getHost() + ":" + port + " ("
          + e.getMessage() + "). Is the target running? (pre-flight check; 'preflight: false' skips it)");
    }
  }

  private static void health(URI target, String path, Duration timeout) throws UnreachableTargetException {
    URI url = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path)
        : URI.create(target.toString() + (path.startsWith("/") ? path : "/" + path));
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
      HttpResponse<Void> r = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 != 2)
        throw new UnreachableTargetException("health check GET " + url + " answered " + r.statusCode() + ", expected 2xx");
    } catch (IOException e) {
      throw new UnreachableTargetException("health check GET " + url + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableTargetException("health check interrupted");
    }
  }
}
