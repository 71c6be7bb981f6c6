package horde.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A target series' query, in the part of PromQL that one scrape after another can answer:
 *
 * <pre>
 * query    = sum (("+" | "-") sum)*
 * sum      = unary (("*" | "/") unary)*
 * unary    = "-" unary | number | "(" query ")" | call | selector
 * call     = "rate(" selector ")"                       per second, between consecutive scrapes
 *          | ("sum"|"avg"|"min"|"max"|"count") "(" (selector | "rate(" selector ")") ")"
 *          | "histogram_quantile(" number "," selector ")"   of the observations since the last scrape
 * selector = name ["{" label ("="|"!="|"=~"|"!~") "string" ("," ...)* "}"]
 * </pre>
 *
 * A selector (or a rate) used as a number is the sum of the series it matches, as {@code sum(...)}
 * would be; regular expressions match the whole value, as in PromQL. A range ({@code [1m]}) is not
 * part of it: a rate is always over the scrape interval, and saying so beats ignoring one.
 *
 * <pre>{@code
 * SeriesQuery.Node q = SeriesQuery.parse("rate(hits_total) / (rate(hits_total) + rate(misses_total))");
 * }</pre>
 */
public final class SeriesQuery {
  private static final List<String> AGGREGATES = List.of("sum", "avg", "min", "max", "count");

  /** A part of a query. */
  public sealed interface Node {}

  public record Number(double value) implements Node {}

  /** Series of one metric name whose labels match. */
  public record Selector(String name, List<LabelMatcher> matchers) implements Node {
    public Selector {
      matchers = List.copyOf(matchers);
    }
  }

  public record Rate(Selector of) implements Node {}

  /** {@code sum}, {@code avg}, {@code min}, {@code max} or {@code count} over a selector's or a rate's series. */
  public record Aggregate(String function, Node of) implements Node {}

  /** {@code histogram_quantile(q, name)}: {@code q} from 0 to 1, of {@code name_bucket}'s new observations. */
  public record Quantile(double q, Selector of) implements Node {}

  public record Binary(char op, Node left, Node right) implements Node {}

  public record Negative(Node of) implements Node {}

  /** {@code label="value"}, {@code !=}, {@code =~} (a whole-value regular expression) or {@code !~}. */
  public record LabelMatcher(String label, String op, String value, Pattern pattern) {
    public boolean matches(String actual) {
      String v = actual == null ? "" : actual;
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        case "=~" -> pattern.matcher(v).matches();
        default -> !pattern.matcher(v).matches();
      };
    }
  }

  /** A query that cannot be read: {@code offset} is where in the text. */
  public static final class SyntaxException extends IllegalArgumentException {
    private final int offset;

    SyntaxException(int offset, String message) {
      super(message);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }

  private final String text;
  private int at;

  private SeriesQuery(String text) {
    this.text = text;
  }

  /** @throws SyntaxException saying where and what was expected */
  public static Node parse(String text) {
    SeriesQuery p = new SeriesQuery(text);
    Node n = p.query();
    p.space();
    if (p.at < text.length()) throw p.error("unexpected '" + text.charAt(p.at) + "'; expected + - * / or the end");
    return n;
  }

  /** Whether a query is a plain metric name (then it may name its own series). */
  public static boolean isName(String text) {
    return text.strip().matches("[A-Za-z_:][A-Za-z0-9_:]*");
  }

  private Node query() {
    Node left = product();
    while (peek('+') || peek('-')) {
      char op = text.charAt(at++);
      left = new Binary(op, left, product());
    }
    return left;
  }

  private Node product() {
    Node left = unary();
    while (peek('*') || peek('/')) {
      char op = text.charAt(at++);
      left = new Binary(op, left, unary());
    }
    return left;
  }

  private Node unary() {
    space();
    if (peek('-')) {
      at++;
      return new Negative(unary());
    }
    if (peek('(')) {
      at++;
      Node inner = query();
      expect(')');
      return inner;
    }
    if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) return new Number(number());
    int start = at;
    String name = name();
    space();
    if (!peek('(')) return selector(name, start);
    at++;
    String fn = name.toLowerCase(Locale.ROOT);
    Node out;
    if (fn.equals("rate")) out = new Rate(selectorArgument());
    else if (AGGREGATES.contains(fn)) out = new Aggregate(fn, vector());
    else if (fn.equals("histogram_quantile")) {
      space();
      int qAt = at;
      double q = number();
      if (q < 0 || q > 1) throw new SyntaxException(qAt, "histogram_quantile takes a quantile from 0 to 1, like 0.95");
      expect(',');
      out = new Quantile(q, selectorArgument());
    } else {
      throw new SyntaxException(start, "unknown function '" + name + "'; known: rate, sum, avg, min, max, count,"
          + " histogram_quantile");
    }
    expect(')');
    return out;
  }

  /** A selector, or a rate of one, as an aggregate's argument. */
  private Node vector() {
    space();
    int start = at;
    String name = name();
    space();
    if (name.equalsIgnoreCase("rate") && peek('(')) {
      at++;
      Rate r = new Rate(selectorArgument());
      expect(')');
      return r;
    }
    return selector(name, start);
  }

  private Selector selectorArgument() {
    space();
    int start = at;
    return selector(name(), start);
  }

  private Selector selector(String name, int start) {
    if (name.isEmpty()) throw new SyntaxException(start, "expected a metric name, a number or '('");
    List<LabelMatcher> matchers = new ArrayList<>();
    space();
    if (peek('{')) {
      at++;
      space();
      while (!peek('}')) {
        matchers.add(matcher());
        space();
        if (peek(',')) {
          at++;
          space();
        } else if (!peek('}')) {
          throw error("expected , or } after a label matcher");
        }
      }
      at++;
    }
    space();
    if (peek('[')) throw error("a range like [1m] is not needed: a rate is over the scrape interval; remove it");
    return new Selector(name, matchers);
  }

  private LabelMatcher matcher() {
    String label = name();
    if (label.isEmpty()) throw error("expected a label name");
    space();
    String op = null;
    for (String o : List.of("=~", "!~", "!=", "=")) {
      if (text.startsWith(o, at)) {
        op = o;
        break;
      }
    }
    if (op == null) throw error("expected =, !=, =~ or !~ after " + label);
    at += op.length();
    space();
    int valueAt = at;
    String value = string();
    Pattern pattern = null;
    if (op.endsWith("~")) {
      try {
        pattern = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new SyntaxException(valueAt, "not a regular expression: " + e.getDescription());
      }
    }
    return new LabelMatcher(label, op, value, pattern);
  }

  private String string() {
    if (!peek('"') && !peek('\'')) throw error("expected a quoted label value");
    char quote = text.charAt(at++);
    StringBuilder b = new StringBuilder();
    while (at < text.length() && text.charAt(at) != quote) {
      char c = text.charAt(at++);
      if (c == '\\' && at < text.length()) {
        char e = text.charAt(at++);
        b.append(e == 'n' ? '\n' : e);
      } else {
        b.append(c);
      }
    }
    if (at >= text.length()) throw error("a label value is not closed with " + quote);
    at++;
    return b.toString();
  }

  private String name() {
    int start = at;
    while (at < text.length()) {
      char c = text.charAt(at);
      boolean ok = Character.isLetter(c) && c < 128 || c == '_' || c == ':' || (at > start && Character.isDigit(c));
      if (!ok) break;
      at++;
    }
    return text.substring(start, at);
  }

  private double number() {
    int start = at;
    while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.' || text.charAt(at) == 'e'
        || (text.charAt(at) == '-' && at > start && text.charAt(at - 1) == 'e'))) at++;
    try {
      return Double.parseDouble(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw new SyntaxException(start, "expected a number");
    }
  }

  private void expect(char c) {
    space();
    if (!peek(c)) throw error("expected '" + c + "'");
    at++;
  }

  private boolean peek(char c) {
    space();
    return at < text.length() && text.charAt(at) == c;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
  }

  private SyntaxException error(String message) {
    return new SyntaxException(at, message + (at < text.length() ? "" : " (at the end)"));
  }
}
