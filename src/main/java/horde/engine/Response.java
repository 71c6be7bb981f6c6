package horde.engine;

import horde.plan.ResponseView;
import horde.protocol.http.ResponseHead;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The response a virtual user is receiving: status, headers, and the body when something needs
 * it (checks, saves, a failure sample). Reused for each request; the body buffer keeps up to 64 KB
 * of capacity between requests and never holds more than the limit it was given.
 */
final class Response implements ResponseView {
  private static final int KEPT_CAPACITY = 64 << 10;

  int status;
  ResponseHead headers;
  long latencyNanos;
  private byte[] body = new byte[0];
  private int length;
  private int limit;
  private long bodyBytes;
  private String text;
  private JsonNode json;
  private boolean parsed;

  /** Starts a response; {@code keep} is how many body bytes to keep (0 for none). */
  void reset(int keep) {
    status = 0;
    headers = null;
    length = 0;
    limit = keep;
    bodyBytes = 0;
    text = null;
    json = null;
    parsed = false;
    if (body.length > KEPT_CAPACITY) body = new byte[0];
  }

  /** Keeps at least the first {@code bytes} of the body (for a failure's sample). */
  void keepAtMost(int bytes) {
    limit = Math.max(limit, bytes);
  }

  /** Keeps what fits under the limit; false when some of {@code content} did not fit. */
  boolean append(ByteBuf content) {
    bodyBytes += content.readableBytes();
    int n = Math.min(content.readableBytes(), limit - length);
    if (n > 0) {
      if (length + n > body.length) {
        byte[] bigger = new byte[Math.min(limit, Math.max(length + n, Math.max(1024, body.length * 2)))];
        System.arraycopy(body, 0, bigger, 0, length);
        body = bigger;
      }
      content.getBytes(content.readerIndex(), body, length, n);
      length += n;
    }
    return n == content.readableBytes();
  }

  @Override
  public int status() {
    return status;
  }

  /**
   * The header's value; {@code Set-Cookie}, which a server sends once per cookie, with every value
   * on a line of its own, so a check or save sees each cookie.
   */
  @Override
  public String header(String name) {
    if (headers == null) return null;
    if (!name.equalsIgnoreCase("set-cookie")) return headers.header(name);
    java.util.List<String> all = headers.headers(name);
    return all.isEmpty() ? null : String.join("\n", all);
  }

  @Override
  public String bodyText() {
    if (text == null) text = new String(body, 0, length, StandardCharsets.UTF_8);
    return text;
  }

  @Override
  public JsonNode json() {
    if (!parsed) {
      parsed = true;
      json = Json.parse(body, length);
    }
    return json;
  }

  @Override
  public long latencyNanos() {
    return latencyNanos;
  }

  /** Every byte of the body that arrived, kept or not. */
  long bodyBytes() {
    return bodyBytes;
  }
}
