package horde.protocol.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.Locale;

/**
 * An exchange's request as an HTTP/2 header block (RFC 9113, section 8.3): the pseudo-headers from
 * its method, origin and path, its headers with their names in lower case, its cookies, and the
 * length of its body. Headers that only mean something to HTTP/1.1 (Connection, Keep-Alive,
 * Transfer-Encoding, Upgrade, Host) are left out, as the RFC requires.
 */
final class H2Request {
  private H2Request() {}

  static Http2Headers headers(HttpExchange ex) {
    Http2Headers h = new DefaultHttp2Headers(false, ex.headers.size() + 6);
    h.method(ex.method);
    h.scheme(ex.origin.scheme());
    h.authority(ex.origin.hostHeader());
    h.path(ex.path.isEmpty() ? "/" : ex.path.toString());
    HeaderList list = ex.headers;
    for (int i = 0; i < list.size(); i++) {
      String name = list.name(i).toLowerCase(Locale.ROOT);
      if (!connectionSpecific(name)) h.add(name, list.value(i));
    }
    if (ex.cookies != null && !ex.cookies.isEmpty()) {
      String cookie = ex.cookies.header(ex.origin, ex.path);
      if (cookie != null) h.add("cookie", cookie);
    }
    if (ex.body != null || ex.method.equals("POST") || ex.method.equals("PUT") || ex.method.equals("PATCH")) {
      h.addInt("content-length", ex.body == null ? 0 : ByteBufUtil.utf8Bytes(ex.body));
    }
    return h;
  }

  private static boolean connectionSpecific(String name) {
    return switch (name) {
      case "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host", "content-length" -> true;
      default -> false;
    };
  }
}
