package horde.importer;

import java.util.Locale;
import java.util.Set;

/**
 * Names for saved values, from where they were found: {@code $.job_id} is {@code job_id}, {@code
 * $.id} of {@code POST /api/conversations} is {@code conversation_id}, {@code $.user.id} is {@code
 * user_id} (were it not a built-in: then {@code saved_user_id}), a header {@code X-Csrf-Token} is
 * {@code csrf_token}.
 */
final class SavedNames {
  /** Names a template reads as something else (docs/scenario-format.md#variables). */
  private static final Set<String> RESERVED = Set.of("uuid", "timestamp", "counter", "random_int", "user_id",
      "iteration", "env");

  private SavedNames() {}

  static String of(Candidates.Found f, String producerUrl) {
    String name;
    if (f.save().header() != null) {
      name = snake(f.field()).replaceFirst("^x_", "");
    } else if (f.field().equalsIgnoreCase("id")) {
      String owner = f.parent() != null ? f.parent() : lastSegment(producerUrl);
      name = owner == null ? "id" : singular(snake(owner)) + "_id";
    } else {
      name = snake(f.field());
    }
    return safe(name);
  }

  /** {@code name} made a legal saved name: not empty, not starting with a digit, not a built-in. */
  static String safe(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) name = "v_" + name;
    return RESERVED.contains(name) ? "saved_" + name : name;
  }

  /** {@code name}, or {@code name_2}, {@code name_3}... whichever is not taken yet; takes it. */
  static String unique(String name, Set<String> taken) {
    String n = name;
    for (int i = 2; !taken.add(n); i++) n = name + "_" + i;
    return n;
  }

  /** camelCase and any run of other characters become snake_case of letters, digits and {@code _}. */
  static String snake(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) b.append('_');
      if (c < 0x80 && Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
      else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') b.append('_');
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '_') b.setLength(b.length() - 1);
    return b.toString();
  }

  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 3) return word.substring(0, word.length() - 3) + "y";
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) return word.substring(0, word.length() - 1);
    return word;
  }

  /** The last path segment of a URL that is a word (not an id or a file), or null. */
  private static String lastSegment(String url) {
    String path = url.replaceFirst("^[a-z]+://[^/]*", "").replaceFirst("[?#].*", "");
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (parts[i].matches("[A-Za-z][A-Za-z_-]*")) return parts[i].toLowerCase(Locale.ROOT);
    }
    return null;
  }
}
