package horde.template;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A template whose names are resolved: rendering only appends. A constant template renders to
 * {@link #constant()} with no work at all.
 */
public final class BoundTemplate {
  private final String source;
  private final Segment[] segments;
  private final String constant;

  BoundTemplate(String source, List<Segment> segments) {
    this.source = source;
    this.segments = segments.toArray(Segment[]::new);
    this.constant = constantText(this.segments);
  }

  /** A template that always renders {@code text}. */
  public static BoundTemplate literal(String text) {
    return new BoundTemplate(text, List.of(new Segment.Literal(text)));
  }

  /**
   * A template that renders this one and then {@code f} of the text: {@code "Basic " + base64}
   * of a URL's user info, say. Not for the hot path of every request: it makes a string each time.
   *
   * @param source how the template is shown, e.g. in {@code horde validate --plan}
   */
  public BoundTemplate map(String source, UnaryOperator<String> f) {
    return new BoundTemplate(source, List.of(new Segment.Mapped(this, f)));
  }

  private static String constantText(Segment[] segments) {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (!(s instanceof Segment.Literal l)) return null;
      sb.append(l.text());
    }
    return sb.toString();
  }

  /** The rendered text when it never changes, else null. */
  public String constant() {
    return constant;
  }

  List<Segment> segments() {
    return List.of(segments);
  }

  public String source() {
    return source;
  }

  public void render(Scope scope, StringBuilder out) throws UnsetValueException {
    if (constant != null) {
      out.append(constant);
      return;
    }
    for (Segment s : segments) s.append(scope, out);
  }

  public String render(Scope scope) throws UnsetValueException {
    if (constant != null) return constant;
    StringBuilder sb = new StringBuilder(64);
    render(scope, sb);
    return sb.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
