package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** Encodes an exchange's request as HTTP/1.1 bytes straight into one pooled buffer. */
public final class RequestWriter {
  private static final byte[] VERSION_HOST = " HTTP/1.1\r\nHost: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COOKIE = "Cookie: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEPARATOR = {';', ' '};
  private static final short CRLF = ('\r' << 8) | '\n';
  private static final int CRLF_CRLF = (CRLF << 16) | CRLF;
  /** What follows "Content-Length: ": at most ten digits, then the head's end. */
  private static final int LENGTH_AND_END = 10 + 4;

  private RequestWriter() {}

  /**
   * The exchange's request encoded once, for a request that never changes. The caller owns the
   * buffer and releases it when the test is over; sends write views of it ({@link SendView}).
   */
  public static ByteBuf encodeOnce(HttpExchange ex) {
    return encode(UnpooledByteBufAllocator.DEFAULT, ex, null); // no cookies: they change
  }

  /**
   * The exchange's request line and headers encoded once, up to the value of its Content-Length,
   * for a request whose body alone changes ({@link HttpExchange#head}).
   */
  public static byte[] encodeHeadOnce(HttpExchange ex) {
    ByteBuf buf = Unpooled.buffer(estimate(ex, 0));
    writeHead(buf, ex, null);
    buf.writeBytes(CONTENT_LENGTH);
    return ByteBufUtil.getBytes(buf);
  }

  /** The exchange's request in a buffer of {@code alloc}, with its jar's cookies; whoever writes it releases it. */
  public static ByteBuf encode(ByteBufAllocator alloc, HttpExchange ex) {
    return encode(alloc, ex, ex.cookies);
  }

  private static ByteBuf encode(ByteBufAllocator alloc, HttpExchange ex, CookieJar jar) {
    boolean noCookies = jar == null || jar.isEmpty();
    if (ex.encoded != null && noCookies) return ex.view();
    int bodyBytes = ex.body != null ? ByteBufUtil.utf8Bytes(ex.body) : 0;
    if (ex.head != null && noCookies) {
      // from an array: a direct buffer's bytes would be copied through duplicates of its NIO view
      ByteBuf buf = alloc.directBuffer(ex.head.length + LENGTH_AND_END + bodyBytes).writeBytes(ex.head);
      return withBody(buf, ex, bodyBytes);
    }
    ByteBuf buf = alloc.directBuffer(estimate(ex, bodyBytes));
    writeHead(buf, ex, jar);
    if (ex.body == null && !ex.method.equals("POST") && !ex.method.equals("PUT") && !ex.method.equals("PATCH")) {
      buf.writeShort(CRLF);
      return buf;
    }
    buf.writeBytes(CONTENT_LENGTH);
    return withBody(buf, ex, bodyBytes);
  }

  private static int estimate(HttpExchange ex, int bodyBytes) {
    return 64 + ex.method.length() + ex.path.length() * 3 + ex.headers.textLength() * 3 + bodyBytes;
  }

  /** The request line, Host and the exchange's headers, with the jar's cookies when there is one. */
  private static void writeHead(ByteBuf buf, HttpExchange ex, CookieJar jar) {
    buf.writeCharSequence(ex.method, StandardCharsets.US_ASCII);
    buf.writeByte(' ');
    ByteBufUtil.writeUtf8(buf, ex.path.isEmpty() ? "/" : ex.path);
    buf.writeBytes(VERSION_HOST);
    buf.writeCharSequence(ex.origin.hostHeader(), StandardCharsets.US_ASCII);
    buf.writeShort(CRLF);
    String cookies = jar == null || jar.isEmpty() ? null : jar.header(ex.origin, ex.path);
    int own = cookies == null ? -1 : ex.headers.indexOf("Cookie");
    ex.headers.writeHttp1(buf, own);
    if (cookies != null) cookie(buf, own < 0 ? null : ex.headers.value(own), cookies);
  }

  /** After "Content-Length: ": its value, the head's end and the body. */
  private static ByteBuf withBody(ByteBuf buf, HttpExchange ex, int bodyBytes) {
    writeDecimal(buf, bodyBytes);
    buf.writeInt(CRLF_CRLF);
    if (bodyBytes > 0) ByteBufUtil.reserveAndWriteUtf8(buf, ex.body, bodyBytes); // its length is known: no room kept for 3 bytes a char
    return buf;
  }

  /** One Cookie header: the request's own pairs, if it has a Cookie header, then the jar's. */
  private static void cookie(ByteBuf buf, String own, String jar) {
    buf.writeBytes(COOKIE);
    if (own != null) {
      ByteBufUtil.writeUtf8(buf, own);
      buf.writeBytes(SEPARATOR);
    }
    ByteBufUtil.writeUtf8(buf, jar);
    buf.writeShort(CRLF);
  }

  /** {@code n} (not negative) in decimal digits, with no string made for it. */
  static void writeDecimal(ByteBuf buf, int n) {
    int digits = 1;
    for (int rest = n / 10; rest > 0; rest /= 10) digits++;
    int at = buf.writerIndex();
    buf.ensureWritable(digits);
    for (int i = digits - 1; i >= 0; i--, n /= 10) buf.setByte(at + i, '0' + n % 10);
    buf.writerIndex(at + digits);
  }
}
