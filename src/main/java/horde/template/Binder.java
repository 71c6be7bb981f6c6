package horde.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Resolves a template's references: built-ins first ({@code uuid}, {@code timestamp}, {@code
 * counter}, {@code random_int(min, max)}, {@code user_id}, {@code iteration}), then {@code env.X},
 * then {@code feeder.column}, then {@code cookie.NAME} (the user's cookie), then user variables. An unknown name is a {@link
 * UnknownNameException} naming it.
 */
public final class Binder {
  /** Names that are not variables. */
  public static final List<String> BUILT_INS =
      List.of("uuid", "timestamp", "counter", "random_int", "user_id", "iteration");

  private Binder() {}

  static BoundTemplate bind(Template t, Symbols symbols, boolean jsonEscapeRefs) {
    List<Segment> out = new ArrayList<>();
    for (Template.Part p : t.parts()) {
      switch (p) {
        case Template.Text text -> out.add(new Segment.Literal(jsonEscapeRefs ? JsonText.escape(text.text()) : text.text()));
        case Template.Ref ref -> {
          Segment s = resolve(ref.reference(), ref.offset(), symbols);
          boolean escaped = jsonEscapeRefs && !(s instanceof Segment.Literal) && !(s instanceof Segment.Plain);
          out.add(escaped ? new Segment.JsonEscaped(s) : escapeLiteral(s, jsonEscapeRefs));
        }
      }
    }
    return new BoundTemplate(t.source(), out);
  }

  private static Segment escapeLiteral(Segment s, boolean escape) {
    return escape && s instanceof Segment.Literal l ? new Segment.Literal(JsonText.escape(l.text())) : s;
  }

  static Segment resolve(Reference r, int offset, Symbols symbols) {
    Segment builtIn = builtIn(r, offset, symbols);
    if (builtIn != null) return builtIn;
    if (!r.args().isEmpty())
      throw new TemplateSyntaxException(offset, "'" + r.name() + "' takes no arguments");
    String head = r.head();
    String tail = r.tail();
    if (head.equals("env") && tail != null) {
      String value = symbols.environment(tail).orElse(r.fallback());
      if (value == null)
        throw new UnknownNameException(offset, r.name(),
            "environment variable " + tail + " is not set (write ${env." + tail + ":-default} for a default)");
      return new Segment.Literal(value);
    }
    var feeder = tail == null ? null : symbols.feeder(head).orElse(null);
    if (feeder != null) {
      // A feeder with no columns did not load; that is reported with its file, and once is enough.
      if (feeder.columns().isEmpty()) return new Segment.Literal("");
      int column = feeder.columns().indexOf(tail);
      if (column < 0)
        throw new UnknownNameException(offset, tail,
            "feeder '" + head + "' has no column '" + tail + "'; its columns: " + String.join(", ", feeder.columns()));
      return new Segment.FeederValue(feeder.index(), column, r.fallback(),
          new UnsetValueException("feeder " + head + " has no row", false));
    }
    if (head.equals("cookie") && tail != null) {
      return new Segment.CookieValue(tail, r.fallback(), new UnsetValueException("cookie " + tail + " is not set", true));
    }
    OptionalInt slot = symbols.variable(r.name());
    if (slot.isEmpty())
      throw new UnknownNameException(offset, r.name(), "undefined variable '" + r.name() + "'");
    return new Segment.Variable(slot.getAsInt(), r.fallback(),
        new UnsetValueException("variable " + r.name() + " is not set", true));
  }

  private static Segment builtIn(Reference r, int offset, Symbols symbols) {
    Map<String, Integer> arity = Map.of("random_int", 2);
    int wanted = arity.getOrDefault(r.name(), 0);
    if (!BUILT_INS.contains(r.name())) return null;
    if (r.args().size() != wanted)
      throw new TemplateSyntaxException(offset,
          r.name() + (wanted == 0 ? " takes no arguments" : " takes " + wanted + " arguments, like random_int(1, 100)"));
    return switch (r.name()) {
      case "uuid" -> new Segment.Uuid();
      case "timestamp" -> new Segment.TimestampMillis();
      case "counter" -> new Segment.Counter(symbols.counter());
      case "user_id" -> new Segment.UserId();
      case "iteration" -> new Segment.Iteration();
      default -> randomInt(r, offset);
    };
  }

  private static Segment randomInt(Reference r, int offset) {
    try {
      long min = Long.parseLong(r.args().get(0));
      long max = Long.parseLong(r.args().get(1));
      if (max < min) throw new TemplateSyntaxException(offset, "random_int: max is below min");
      return new Segment.RandomInt(min, max);
    } catch (NumberFormatException e) {
      throw new TemplateSyntaxException(offset, "random_int takes two whole numbers, like random_int(1, 100)");
    }
  }
}
