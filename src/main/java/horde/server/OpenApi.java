package horde.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The API's OpenAPI 3.1 document, {@code horde/server/openapi.json}, served at {@code /api/openapi.json}. */
final class OpenApi {
  private static final String RESOURCE = "/horde/server/openapi.json";

  private OpenApi() {}

  static Response document() {
    return new Response(200, "application/json", bytes());
  }

  static byte[] bytes() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
