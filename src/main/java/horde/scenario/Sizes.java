package horde.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints sizes in bytes as people write them: {@code 10MB}, {@code 512KB}, {@code 1GB},
 * {@code 2048} (bytes). Units are 1024-based (as nginx reads {@code 10m}) and any case.
 */
public final class Sizes {
  /** What {@link #parse} reads, for the JSON Schema. */
  public static final String PATTERN = "[0-9]+\\s*([bB]|[kKmMgG][bB])?";

  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|mb|gb)?");

  private Sizes() {}

  /** The size in bytes, or {@link IllegalArgumentException} saying what is expected. */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches())
      throw new IllegalArgumentException("'" + text + "' is not a size; expected bytes or a number with a unit, like 512KB or 10MB");
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    int shift = switch (unit) {
      case "kb" -> 10;
      case "mb" -> 20;
      case "gb" -> 30;
      default -> 0;
    };
    if (n > Long.MAX_VALUE >> shift) throw new IllegalArgumentException("'" + text + "' is too large");
    return n << shift;
  }

  /** The shortest exact form {@link #parse} reads back: {@code 10MB}, {@code 1536KB}, {@code 1000}. */
  public static String format(long bytes) {
    if (bytes > 0 && bytes % (1L << 30) == 0) return (bytes >> 30) + "GB";
    if (bytes > 0 && bytes % (1L << 20) == 0) return (bytes >> 20) + "MB";
    if (bytes > 0 && bytes % (1L << 10) == 0) return (bytes >> 10) + "KB";
    return Long.toString(bytes);
  }
}
