package horde.engine;

import horde.plan.JsonPicks;
import horde.plan.Picked;
import horde.plan.ResponseView;
import horde.protocol.http.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The response a virtual user is receiving: status, headers, and the body when something needs
 * it (checks, saves, a failure sample). Reused for each request; the body buffer keeps up to 64 KB
 * of capacity between requests and never holds more than the limit it was given.
 */
final class Response implements ResponseView {
  private static final int KEPT_CAPACITY = 64 << 10;
  /**
   * Up to this many bytes are copied one by one: Netty's bulk copy out of a pooled direct buffer
   * makes a ByteBuffer view each time (about 36 bytes an answer, JFR), which a small body pays for
   * more than the loop costs.
   */
  private static final int BYTE_BY_BYTE = 1024;

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
  private final ByteProcessor copier = b -> {
    body[length++] = b;
    return true;
  };
  private final Picked picked = new Picked();
  /** The picks {@link #picked} last read this body for, or null; and whether it could. */
  private JsonPicks pickedFor;
  private boolean pickedWhole;

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
    if (pickedFor != null) picked.release();
    pickedFor = null;
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
      if (n <= BYTE_BY_BYTE) {
        content.forEachByte(content.readerIndex(), n, copier);
      } else {
        content.getBytes(content.readerIndex(), body, length, n);
        length += n;
      }
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
    List<String> all = headers.headers(name);
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
  public Picked picked(JsonPicks picks) {
    if (picks != pickedFor) {
      pickedFor = picks;
      pickedWhole = picked.read(picks, body, length);
    }
    return pickedWhole ? picked : null;
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
