package horde.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (0.0.4, and OpenMetrics' {@code # EOF}) strictly: a
 * line that is no comment, blank or well-formed sample is an error naming its line, so a page that
 * is not a metrics page (an HTML error, a login form) fails the scrape rather than yielding wrong
 * numbers. The Prometheus Java client only writes this format and no maintained Java parser is on
 * Maven Central, hence this one (tested against real exporters' pages and promtool-checked ones).
 *
 * <pre>{@code
 * Exposition page = Exposition.parse(body);
 * for (Exposition.Sample s : page.samples()) ...   // name, labels, value
 * page.type("node_load1");                          // "gauge"
 * }</pre>
 */
public final class Exposition {
  /** One line's value: {@code name{labels} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /** A page that is not the text format: the 1-based line and what was wrong. */
  public static final class FormatException extends Exception {
    FormatException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  private final List<Sample> samples;
  private final Map<String, String> types;

  private Exposition(List<Sample> samples, Map<String, String> types) {
    this.samples = List.copyOf(samples);
    this.types = Map.copyOf(types);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The {@code # TYPE} of a metric family ({@code counter}, {@code gauge}, {@code histogram}...), or null. */
  public String type(String family) {
    return types.get(family);
  }

  /** The families in the order their first sample came, each with its type ({@code untyped} when none was given). */
  public Map<String, String> families() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Sample s : samples) {
      String family = familyOf(s.name());
      out.putIfAbsent(family, types.getOrDefault(family, "untyped"));
    }
    return out;
  }

  /** The family a sample belongs to: {@code x} for {@code x_bucket} of histogram {@code x}, {@code x} for {@code x_total} of counter {@code x}. */
  public String familyOf(String sample) {
    for (String suffix : List.of("_bucket", "_sum", "_count", "_total", "_created")) {
      if (!sample.endsWith(suffix)) continue;
      String base = sample.substring(0, sample.length() - suffix.length());
      if (types.containsKey(base) && !types.containsKey(sample)) return base;
    }
    return sample;
  }

  public static Exposition parse(String text) throws FormatException {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) continue;
      if (line.startsWith("#")) {
        comment(line, i + 1, types);
        continue;
      }
      samples.add(new Line(line, i + 1).sample());
    }
    return new Exposition(samples, types);
  }

  private static void comment(String line, int number, Map<String, String> types) throws FormatException {
    String[] parts = line.substring(1).strip().split("\\s+", 3);
    if (!parts[0].equals("TYPE")) return; // HELP, EOF and free comments say nothing about values
    if (parts.length < 3) throw new FormatException(number, "# TYPE needs a metric name and a type");
    String type = parts[2].strip();
    if (!List.of("counter", "gauge", "histogram", "summary", "untyped", "unknown", "info", "stateset", "gaugehistogram")
        .contains(type)) throw new FormatException(number, "unknown metric type '" + type + "'");
    if (types.putIfAbsent(parts[1], type) != null) throw new FormatException(number, "a second # TYPE for " + parts[1]);
  }

  /** One sample line, read left to right. */
  private static final class Line {
    private final String text;
    private final int number;
    private int at;

    Line(String text, int number) {
      this.text = text;
      this.number = number;
    }

    Sample sample() throws FormatException {
      String name = name(true);
      if (name.isEmpty()) throw error("expected a metric name");
      Map<String, String> labels = new LinkedHashMap<>();
      if (at < text.length() && text.charAt(at) == '{') labels(labels);
      if (at >= text.length() || (text.charAt(at) != ' ' && text.charAt(at) != '\t')) throw error("expected a space and a value");
      String[] rest = text.substring(at).strip().split("[ \t]+");
      if (rest.length > 2 && !rest[2].equals("#")) throw error("expected a value and at most a timestamp");
      double value = value(rest[0]);
      if (rest.length > 1 && !rest[1].equals("#") && !rest[1].matches("-?\\d+(\\.\\d+)?")) throw error("bad timestamp '" + rest[1] + "'");
      return new Sample(name, labels, value);
    }

    private void labels(Map<String, String> labels) throws FormatException {
      at++;
      while (true) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == '}') {
          at++;
          return;
        }
        String label = name(false);
        if (label.isEmpty()) throw error("expected a label name or }");
        skipSpace();
        if (at >= text.length() || text.charAt(at) != '=') throw error("expected = after label " + label);
        at++;
        skipSpace();
        if (labels.put(label, quoted()) != null) throw error("label " + label + " twice");
        skipSpace();
        if (at < text.length() && text.charAt(at) == ',') at++;
        else if (at >= text.length() || text.charAt(at) != '}') throw error("expected , or } after a label");
      }
    }

    private String quoted() throws FormatException {
      if (at >= text.length() || text.charAt(at) != '"') throw error("expected a quoted label value");
      at++;
      StringBuilder b = new StringBuilder();
      while (at < text.length() && text.charAt(at) != '"') {
        char c = text.charAt(at++);
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (at >= text.length()) break;
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> b.append('\n');
          case '\\', '"' -> b.append(e);
          default -> throw error("bad escape \\" + e + " in a label value");
        }
      }
      if (at >= text.length()) throw error("a label value is not closed");
      at++;
      return b.toString();
    }

    private String name(boolean metric) {
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':')
            || (at > start && c >= '0' && c <= '9');
        if (!ok) break;
        at++;
      }
      return text.substring(start, at);
    }

    private double value(String v) throws FormatException {
      switch (v) {
        case "+Inf", "Inf", "+inf", "inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Inf", "-inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        case "NaN", "nan" -> {
          return Double.NaN;
        }
        default -> {
          if (!v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw error("bad value '" + v + "'");
          return Double.parseDouble(v);
        }
      }
    }

    private void skipSpace() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) at++;
    }

    private FormatException error(String message) {
      return new FormatException(number, message);
    }
  }
}
