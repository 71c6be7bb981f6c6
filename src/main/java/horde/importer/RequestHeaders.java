package horde.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which recorded request headers a scenario keeps. Headers the HTTP client sets itself (host,
 * length, connection, compression), those a browser adds about itself (user agent, fetch metadata,
 * language) and conditional ones that only make sense with its cache are left out, and so are
 * names that are not HTTP tokens; the body's content type is written with the body.
 */
final class RequestHeaders {
  private static final Set<String> DROPPED = Set.of("host", "content-length", "connection", "keep-alive",
      "proxy-connection", "transfer-encoding", "te", "upgrade", "accept-encoding", "user-agent", "referer", "origin",
      "accept-language", "cache-control", "pragma", "if-none-match", "if-modified-since", "upgrade-insecure-requests",
      "dnt", "priority", "purpose", "content-type", "expect");

  private RequestHeaders() {}

  static List<Header> kept(List<Header> recorded) {
    List<Header> out = new ArrayList<>();
    for (Header h : recorded) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.startsWith(":") || name.startsWith("sec-") || DROPPED.contains(name) || !h.validName()) continue;
      if (name.equals("accept") && h.value().equals("*/*")) continue;
      if (h.value().indexOf('\n') >= 0 || h.value().indexOf('\r') >= 0) continue; // cannot be sent as one header
      if (out.stream().anyMatch(o -> o.is(h.name()))) continue; // HTTP/2 recordings repeat some
      out.add(new Header(h.name(), TemplateText.literal(h.value())));
    }
    return out;
  }

  /** The value of {@code name}, or null. */
  static String value(List<Header> headers, String name) {
    for (Header h : headers) if (h.is(name)) return h.value();
    return null;
  }
}
