package horde.simulator;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The simulator's own documents, read once from the jar and answered from constant bytes: its
 * OpenAPI description ({@code GET /openapi.json}) and a small demo page ({@code GET
 * /demo/index.html} with its script and style sheet) that calls the API as a chat front end would,
 * so that a browser has a real page to record.
 */
final class Site {
  private record Document(byte[] bytes, String contentType) {}

  private static final Document OPENAPI = read("openapi.json", "application/json");
  private static final Map<String, Document> DEMO =
      Map.of(
          "index.html", read("demo/index.html", "text/html; charset=utf-8"),
          "demo.js", read("demo/demo.js", "text/javascript; charset=utf-8"),
          "demo.css", read("demo/demo.css", "text/css; charset=utf-8"));

  void openapi(Exchange ex) {
    send(ex, OPENAPI);
  }

  /** {@code GET /demo/{file}}: one of the demo page's files, or 404. */
  void demo(Exchange ex) {
    Document d = DEMO.get(ex.id());
    if (d == null) ex.fail(HttpResponseStatus.NOT_FOUND, "not_found", "no demo file " + ex.id());
    else send(ex, d);
  }

  private static void send(Exchange ex, Document d) {
    ex.reply(HttpResponseStatus.OK, Unpooled.wrappedBuffer(d.bytes), d.contentType);
  }

  private static Document read(String name, String contentType) {
    try (InputStream in = Site.class.getResourceAsStream("/horde/simulator/" + name)) {
      if (in == null) throw new IOException("/horde/simulator/" + name + " is missing from the jar");
      return new Document(in.readAllBytes(), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
