package horde.importer;

import java.util.List;

/**
 * What a recorded request got back, as literal text: where {@link Correlation} finds the values
 * that later requests reuse.
 *
 * @param body the body as text, empty when none was recorded
 * @param mimeType the media type without parameters, lower case, empty when unknown
 */
public record Response(int status, List<Header> headers, String body, String mimeType) {
  public Response {
    headers = List.copyOf(headers);
  }
}
