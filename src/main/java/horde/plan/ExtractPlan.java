package horde.plan;

import horde.scenario.Extract;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A compiled save: where to look, which variable slot receives it, the reason when it misses.
 *
 * @param picks the request's JSON paths read in one pass, when this JSON save is among them; else
 *     null, and the save reads Jackson's tree
 * @param pick this save's slot in {@code picks}
 */
public record ExtractPlan(Extract extract, int slot, JsonPath path, Pattern regex, int reason, JsonPicks picks, int pick) {

  public ExtractPlan(Extract extract, int slot, JsonPath path, Pattern regex, int reason) {
    this(extract, slot, path, regex, reason, null, -1);
  }

  /** The same save, reading its path from {@code picks}' slot. */
  ExtractPlan picking(JsonPicks picks, int pick) {
    return new ExtractPlan(extract, slot, path, regex, reason, picks, pick);
  }

  public boolean needsBody() {
    return extract.source() != Extract.Source.HEADER && extract.source() != Extract.Source.COOKIE;
  }

  /** The value, or null when the response does not have it. */
  public String find(ResponseView r) {
    return switch (extract.source()) {
      case HEADER -> r.header(extract.expression());
      case COOKIE -> cookie(r.header("Set-Cookie"), extract.expression());
      case JSON -> {
        Picked picked = picks == null ? null : r.picked(picks);
        if (picked != null) yield picked.text(pick);
        JsonNode root = r.json();
        JsonNode node = root == null ? null : path.find(root);
        yield node == null || node.isNull() ? null : JsonPath.text(node);
      }
      case REGEX -> {
        Matcher m = regex.matcher(r.bodyText());
        yield m.find() ? (m.groupCount() >= 1 ? m.group(1) : m.group()) : null;
      }
    };
  }

  /** The value of the named cookie among an answer's {@code Set-Cookie} lines (one per line), or null. */
  private static String cookie(String setCookies, String name) {
    if (setCookies == null) return null;
    String found = null;
    for (String line : setCookies.split("\n")) {
      Cookie c = ClientCookieDecoder.LAX.decode(line);
      if (c != null && c.name().equals(name)) found = c.value(); // the last one wins, as in a jar
    }
    return found;
  }
}
