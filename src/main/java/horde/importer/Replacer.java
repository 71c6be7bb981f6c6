package horde.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rewrites one request, putting {@code ${name}} wherever a known value stands alone: in the URL
 * after its origin, in header values, in the strings of a JSON body, in form fields and text
 * bodies. Numbers in a JSON body stay as they are: a template there would turn them into strings.
 */
final class Replacer {
  private final Map<String, List<Candidates.Found>> byFirstWord = new HashMap<>();
  private final Function<Candidates.Found, String> namer;
  private final Set<String> uses = new LinkedHashSet<>();

  /** @param namer the saved name of a value, called once it is used */
  Replacer(Function<Candidates.Found, String> namer) {
    this.namer = namer;
  }

  /** A value to look for from now on; longer values sharing a first word are tried first. */
  void add(Candidates.Found f) {
    List<Candidates.Found> l = byFirstWord.computeIfAbsent(Words.runAt(f.value(), 0), k -> new ArrayList<>());
    l.add(f);
    l.sort(Comparator.comparingInt((Candidates.Found x) -> x.value().length()).reversed());
  }

  /** The request with known values replaced, and the names it now uses. */
  Call rewrite(Call c) {
    uses.clear();
    if (byFirstWord.isEmpty()) return c;
    String origin = ScenarioWriter.origin(c.url());
    int from = origin == null ? 0 : origin.length();
    String url = c.url().substring(0, from) + replace(c.url().substring(from));
    List<Header> headers = new ArrayList<>();
    for (Header h : c.headers()) headers.add(new Header(h.name(), replace(h.value())));
    Body body = switch (c.body()) {
      case Body.Json j -> new Body.Json(JsonStrings.map(j.value(), (field, value) -> replace(value)));
      case Body.Form f -> new Body.Form(f.fields().stream().map(h -> new Header(h.name(), replace(h.value()))).toList());
      case Body.Text t -> new Body.Text(replace(t.text()), t.contentType());
      case Body.None n -> n;
    };
    return c.withRequest(url, headers, body).withUses(uses);
  }

  String replace(String text) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!Words.startsAt(text, i)) continue;
      String word = Words.runAt(text, i);
      Candidates.Found hit = null;
      for (Candidates.Found f : byFirstWord.getOrDefault(word, List.of())) {
        if (Words.matchAt(text, i, f.value()) && !insideReference(text, i)) {
          hit = f;
          break;
        }
      }
      if (hit == null) {
        i += word.length() - 1;
        continue;
      }
      if (out == null) out = new StringBuilder(text.length() + 16);
      String name = namer.apply(hit);
      uses.add(name);
      out.append(text, copied, i).append("${").append(name).append('}');
      copied = i + hit.value().length();
      i = copied - 1;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** Whether position {@code i} is inside a {@code ${...}} already written there. */
  private static boolean insideReference(String text, int i) {
    int open = text.lastIndexOf("${", i);
    return open >= 0 && text.indexOf('}', open) >= i && (open == 0 || text.charAt(open - 1) != '$');
  }
}
