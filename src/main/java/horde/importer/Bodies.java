package horde.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body as the scenario's {@code json:}, {@code form:} or {@code body:}: JSON when the content type
 * says JSON and it parses, fields when it is a URL-encoded form with unique names, text otherwise.
 */
final class Bodies {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Bodies() {}

  /** A recorded body: every string becomes template text that renders it as recorded. */
  static Body recorded(String text, String contentType) {
    return of(text, contentType, TemplateText::literal);
  }

  /** A body that is template text already (a curl command's {@code $VARIABLES} made references). */
  static Body template(String text, String contentType) {
    return of(text, contentType, t -> t);
  }

  private static Body of(String text, String contentType, UnaryOperator<String> literal) {
    if (text == null || text.isEmpty()) return Body.NONE;
    String type = contentType == null || contentType.isBlank() ? "text/plain" : contentType.strip();
    String media = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
    if (media.endsWith("json")) {
      JsonNode tree = parse(text);
      if (tree != null && !tree.isNull()) return new Body.Json(JsonStrings.map(tree, (field, value) -> literal.apply(value)));
    }
    if (media.equals("application/x-www-form-urlencoded")) {
      List<Header> fields = form(text, literal);
      if (fields != null) return new Body.Form(fields);
    }
    return new Body.Text(literal.apply(text), type);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (RuntimeException e) { // not JSON after all: sent as text
      return null;
    }
  }

  /** The fields, or null when a name repeats, a pair has no {@code =} or one does not decode. */
  private static List<Header> form(String text, UnaryOperator<String> literal) {
    List<Header> fields = new ArrayList<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      if (eq < 0) return null; // not name=value: sent as written
      try {
        String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (fields.stream().anyMatch(f -> f.name().equals(name))) return null;
        fields.add(new Header(name, literal.apply(value)));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return fields;
  }
}
