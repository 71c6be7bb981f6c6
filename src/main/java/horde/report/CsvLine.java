package horde.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One line of CSV as Python's {@code csv.writer} writes it (what Locust uses): fields quoted only
 * when they hold a comma, a quote or a line break, quotes doubled, lines ended by CRLF; floats as
 * Python prints them ({@code 35.1}, {@code 2.0}), whole numbers without a point.
 */
final class CsvLine {
  /** Locust's mark for a figure it cannot give (no requests yet). */
  static final String NOT_AVAILABLE = "N/A";

  private final StringBuilder line = new StringBuilder();
  private int fields;

  CsvLine add(String field) {
    if (fields++ > 0) line.append(',');
    String f = field == null ? "" : field;
    if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
      line.append('"').append(f.replace("\"", "\"\"")).append('"');
    } else {
      line.append(f);
    }
    return this;
  }

  CsvLine add(long n) {
    return add(Long.toString(n));
  }

  /** A float as Python's {@code repr}: shortest form, always with a point, never an exponent. */
  CsvLine decimal(double v) {
    return add(python(v));
  }

  /** Rounded to a whole number, as Locust writes percentiles ({@code int(...)} of milliseconds). */
  CsvLine whole(double v) {
    return add(Math.round(v));
  }

  /**
   * With six decimals, as Locust's history writes its rates ({@code f"{x:2f}"}). Done by hand: an
   * hour's history has 7,200 of them, and {@code String.format} is slow.
   */
  CsvLine sixDecimals(double v) {
    if (!(Math.abs(v) < 1e12)) return add(String.format(Locale.ROOT, "%.6f", v));
    long micros = Math.round(Math.abs(v) * 1_000_000);
    String fraction = Long.toString(micros % 1_000_000);
    return add((v < 0 && micros != 0 ? "-" : "") + micros / 1_000_000 + "." + "000000".substring(fraction.length()) + fraction);
  }

  static String python(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return NOT_AVAILABLE;
    String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  void endTo(StringBuilder out) {
    out.append(line).append("\r\n");
  }
}
