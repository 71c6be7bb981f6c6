package horde.report;

import horde.scenario.FailureKind;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Slice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Failures as Locust's {@code PREFIX_failures.csv} words them: the error as the {@code repr} of the
 * Python exception Locust's users would have seen ({@code HTTPError('503 Server Error: Service
 * Unavailable for url: /err')}, {@code ConnectionRefusedError(111, 'Connection refused')}, a failed
 * check as {@code CatchResponseError(...)}), and when each was first and last seen.
 */
final class LocustErrors {
  static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final Map<Integer, String> PHRASES = Map.ofEntries(Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
      Map.entry(413, "Payload Too Large"), Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private LocustErrors() {}

  /** The error column for one of an endpoint's failure reasons. */
  static String error(EndpointStats e, String reason) {
    FailureKind kind = e.kindOf(reason);
    if (kind == null) kind = FailureKind.ofLegacyName(reason);
    return switch (kind) {
      case HTTP -> {
        int status = FailureKind.statusOf(reason);
        yield String.format(Locale.ROOT, "HTTPError('%d %s Error: %s for url: %s')", status,
            status >= 500 ? "Server" : "Client", PHRASES.getOrDefault(status, "Unknown"), e.name());
      }
      case REFUSED -> "ConnectionRefusedError(111, 'Connection refused')";
      case TIMEOUT -> "ReadTimeout('Read timed out.')";
      case TRANSPORT -> switch (reason) {
        case "connection reset" -> "ConnectionResetError(104, 'Connection reset by peer')";
        case "connection closed" -> "RemoteDisconnected('Remote end closed connection without response')";
        default -> "ConnectionError('" + python(reason) + "')";
      };
      default -> "CatchResponseError('" + python(reason) + "')";
    };
  }

  /** Python's quoting inside a repr of a string: backslashes and quotes escaped. */
  private static String python(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }

  /** When each (endpoint key, reason) first and last failed in the measured window: Unix seconds. */
  record Seen(long first, long last) {}

  static Map<String, Seen> seen(RunStats s, long startSeconds) {
    Map<String, Seen> out = new HashMap<>();
    if (s.names() == null) return out;
    for (Interval i : s.intervals()) see(i, s.names(), startSeconds + (long) Math.ceil(i.t()), out);
    return out;
  }

  /** Adds the failures of one second, seen at {@code at} (Unix seconds); warm-up seconds do not count. */
  static void see(Interval i, Names names, long at, Map<String, Seen> out) {
    if (i.warmup()) return;
    for (Slice slice : i.slices()) {
      for (int k = 0; k < slice.reasonKinds(); k++) {
        Names.Reason r = names.reason(slice.reasonId(k));
        if (r == null) continue;
        String key = names.endpoint(slice.endpoint()).key() + "\u0000" + r.name();
        out.merge(key, new Seen(at, at), (a, b) -> new Seen(Math.min(a.first(), b.first()), Math.max(a.last(), b.last())));
      }
    }
  }

  static String time(long unixSeconds) {
    return UTC.format(Instant.ofEpochSecond(unixSeconds));
  }
}
