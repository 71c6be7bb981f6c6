package horde.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with {@code ${...}} references, parsed once. A reference is a dotted name with optional
 * arguments and fallback: {@code ${conversation_id}}, {@code ${questions.text}}, {@code
 * ${env.API_TOKEN}}, {@code ${random_int(1, 100)}}, {@code ${env.MODEL:-gpt-4o}}. {@code $${}
 * writes a literal {@code ${}. A fallback is any text without '}'; references do not nest.
 *
 * <pre>{@code
 * Template t = Template.parse("/api/conversations/${conversation_id}/messages");
 * BoundTemplate b = t.bind(symbols);           // names resolved once, at plan time
 * b.render(scope, out);                         // per request, no parsing
 * }</pre>
 */
public final class Template {
  /** A piece of a parsed template: literal text or a reference. */
  public sealed interface Part {}

  public record Text(String text) implements Part {}

  /** Where in the source the reference starts (0-based offset of {@code $}). */
  public record Ref(Reference reference, int offset) implements Part {}

  private final String source;
  private final List<Part> parts;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  public static Template parse(String source) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("$${", i)) {
        text.append("${");
        i += 3;
      } else if (source.startsWith("${", i)) {
        int end = closingBrace(source, i + 2);
        if (end == -1) throw new TemplateSyntaxException(i, "'${' is not closed with '}'");
        if (end < -1)
          throw new TemplateSyntaxException(
              i, "'${' is not closed with '}' before the next '${' (references do not nest)");
        if (!text.isEmpty()) {
          parts.add(new Text(text.toString()));
          text.setLength(0);
        }
        parts.add(new Ref(Reference.parse(source.substring(i + 2, end), i + 2), i));
        i = end + 1;
      } else {
        text.append(source.charAt(i++));
      }
    }
    if (!text.isEmpty()) parts.add(new Text(text.toString()));
    return new Template(source, parts);
  }

  /**
   * The index of the '}' that closes a reference whose inside starts at {@code from}; -1 when there
   * is none, below -1 when another '${' comes first. Parentheses count only before the fallback
   * ({@code :-}), so a fallback may hold any text but '}'.
   */
  private static int closingBrace(String s, int from) {
    int depth = 0;
    boolean fallback = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (s.startsWith("${", i)) return -2;
      if (c == '}' && (depth <= 0 || fallback)) return i;
      if (fallback) continue;
      if (s.startsWith(":-", i)) fallback = true;
      else if (c == '(') depth++;
      else if (c == ')') depth--;
    }
    return -1;
  }

  public String source() {
    return source;
  }

  public List<Part> parts() {
    return parts;
  }

  /** True when the template has no references: it renders to the same text every time. */
  public boolean isConstant() {
    return parts.stream().noneMatch(p -> p instanceof Ref);
  }

  public List<Reference> references() {
    return parts.stream().filter(p -> p instanceof Ref).map(p -> ((Ref) p).reference()).toList();
  }

  /** Resolves every reference against {@code symbols}; see {@link Binder}. */
  public BoundTemplate bind(Symbols symbols) {
    return Binder.bind(this, symbols, false);
  }

  @Override
  public String toString() {
    return source;
  }
}
