package horde.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web UI's page and its files, from the jar (nothing from elsewhere: the page opens offline).
 * They carry a Content-Security-Policy that lets the page load and call nothing but this server.
 */
final class UiRoutes {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
      + " connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";
  /** Path under /ui/ to the resource and its type. */
  private static final Map<String, String[]> FILES = Map.of(
      "app.js", new String[] {"/horde/ui/app.js", "text/javascript; charset=utf-8"},
      "charts.js", new String[] {"/horde/ui/charts.js", "text/javascript; charset=utf-8"},
      "history.js", new String[] {"/horde/ui/history.js", "text/javascript; charset=utf-8"},
      "app.css", new String[] {"/horde/ui/app.css", "text/css; charset=utf-8"},
      "uPlot.js", new String[] {"/horde/report/uPlot.iife.min.js", "text/javascript; charset=utf-8"},
      "uPlot.css", new String[] {"/horde/report/uPlot.min.css", "text/css; charset=utf-8"},
      "favicon.svg", new String[] {"/horde/ui/favicon.svg", "image/svg+xml"});

  void addTo(Router router) {
    router.add("GET", "/", r -> page("/horde/ui/index.html", "text/html; charset=utf-8"))
        .add("GET", "/ui/{file}", r -> {
          String[] f = FILES.get(r.path().get("file"));
          if (f == null) throw ApiError.notFound("no such file");
          return page(f[0], f[1]);
        });
  }

  private static Response page(String resource, String type) {
    try (InputStream in = UiRoutes.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing from the jar: " + resource);
      return new Response(200, type, in.readAllBytes()).with("Content-Security-Policy", CSP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
