package horde.engine;

import horde.plan.ParamPlan;
import horde.plan.WsPlan;
import horde.template.Scope;
import horde.template.UnsetValueException;
import java.net.URI;

/** The URL a {@code ws} step opens: its path joined to the target (ws:// for http, wss:// for https), or its own URL. */
final class WsUrls {
  private WsUrls() {}

  /** @throws IllegalArgumentException when the rendered URL is not one */
  static URI of(WsPlan.Connect c, Scope scope, URI target, StringBuilder scratch) throws UnsetValueException {
    scratch.setLength(0);
    c.url().render(scope, scratch);
    String s = scratch.toString().strip();
    StringBuilder url = new StringBuilder();
    if (starts(s, "ws://") || starts(s, "wss://")) url.append(s);
    else if (starts(s, "http://")) url.append("ws://").append(s, 7, s.length());
    else if (starts(s, "https://")) url.append("wss://").append(s, 8, s.length());
    else {
      url.append("https".equalsIgnoreCase(target.getScheme()) ? "wss://" : "ws://").append(target.getHost());
      if (target.getPort() > 0) url.append(':').append(target.getPort());
      if (target.getRawPath() != null) url.append(target.getRawPath());
      if (!s.startsWith("/")) url.append('/');
      url.append(s);
    }
    boolean first = url.indexOf("?") < 0;
    for (ParamPlan q : c.query()) {
      url.append(first ? '?' : '&').append(q.name()).append('=');
      first = false;
      scratch.setLength(0);
      q.value().render(scope, scratch);
      RequestRenderer.percentEncode(scratch, url);
    }
    URI uri = URI.create(url.toString());
    if (uri.getHost() == null) throw new IllegalArgumentException("no host in " + url);
    return uri;
  }

  private static boolean starts(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
