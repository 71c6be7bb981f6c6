package horde.importer;

import horde.scenario.UrlCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the scenario file: a literal credential in a header ({@code Authorization},
 * {@code X-Api-Key}, ...), a query parameter ({@code ?api_key=}) or a body field ({@code password})
 * becomes {@code ${env.NAME:-}}, read from the environment when the test runs. The same secret gets
 * the same name everywhere. Cookies are left out: a session cookie belongs to the user who logged
 * in, and the login request that sets it is in the recording.
 */
final class Secrets {
  private static final Set<String> HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key",
      "apikey", "x-auth-token", "x-access-token", "x-goog-api-key", "ocp-apim-subscription-key", "x-amz-security-token",
      "private-token", "x-csrf-token", "x-xsrf-token");
  private static final Set<String> FIELDS = Set.of("password", "passwd", "pwd", "secret", "client_secret", "api_key",
      "apikey", "access_token", "refresh_token", "id_token", "private_key");
  private static final Pattern QUERY = Pattern.compile("([?&;])([^=&;#?]+)=([^&;#]*)");
  private static final Pattern SCHEME = Pattern.compile("(?i)(bearer|basic|token|digest|apikey|key)\\s+(.+)");

  /** Environment variable name by the secret it holds. */
  private final Map<String, String> nameOf = new LinkedHashMap<>();
  /** What each variable is, for the file's header. */
  private final Map<String, String> described = new LinkedHashMap<>();
  private boolean cookies;

  private Secrets() {}

  static Draft apply(Draft draft) {
    Secrets s = new Secrets();
    List<Call> calls = draft.calls().stream().map(s::hide).toList();
    return draft.withCalls(calls).withNotes(s.notes());
  }

  private Call hide(Call c) {
    List<Header> headers = new ArrayList<>();
    for (Header h : c.headers()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        cookies = true;
      } else if (isSecretHeader(name) && !TemplateText.hasReference(h.value())) {
        headers.add(new Header(h.name(), header(h)));
      } else {
        headers.add(h);
      }
    }
    Body body = switch (c.body()) {
      case Body.Json j -> new Body.Json(JsonStrings.map(j.value(), (field, value) -> field == null ? value : field(field, value)));
      case Body.Form f -> new Body.Form(f.fields().stream().map(h -> new Header(h.name(), field(h.name(), h.value()))).toList());
      default -> c.body();
    };
    return c.withRequest(query(c.url()), headers, body);
  }

  static boolean isSecretHeader(String lowerName) {
    return HEADERS.contains(lowerName) || lowerName.contains("secret") || lowerName.endsWith("-token")
        || lowerName.endsWith("api-key") || lowerName.endsWith("apikey");
  }

  /** {@code Bearer ${env.API_TOKEN:-}}: the scheme stays, the credential goes. */
  private String header(Header h) {
    Matcher m = SCHEME.matcher(h.value().strip());
    boolean authorization = h.name().toLowerCase(Locale.ROOT).endsWith("authorization");
    if (authorization && m.matches()) {
      String scheme = m.group(1);
      String var = scheme.equalsIgnoreCase("basic") ? "BASIC_AUTH" : "API_TOKEN";
      String what = scheme.equalsIgnoreCase("basic")
          ? "the " + h.name() + " header's Basic credentials: base64 of user:password"
          : "the " + h.name() + " header's " + scheme + " token";
      return scheme + " " + TemplateText.env(variable(m.group(2), var, what));
    }
    String var = authorization ? "API_TOKEN" : SavedNames.snake(h.name()).replaceFirst("^x_", "").toUpperCase(Locale.ROOT);
    return TemplateText.env(variable(h.value(), var, "the " + h.name() + " header"));
  }

  private String query(String url) {
    if (url.indexOf('?') < 0) return url;
    Matcher m = QUERY.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(3);
      boolean hide = UrlCredentials.isCredential(m.group(2)) && !value.isEmpty() && !TemplateText.hasReference(value);
      String var = SavedNames.snake(m.group(2)).toUpperCase(Locale.ROOT);
      String replaced = hide ? m.group(1) + m.group(2) + "=" + TemplateText.env(variable(value, var, "the query parameter " + m.group(2)))
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replaced));
    }
    return m.appendTail(out).toString();
  }

  private String field(String name, String value) {
    String key = SavedNames.snake(name);
    if (!FIELDS.contains(key) || value.isEmpty() || TemplateText.hasReference(value)) return value;
    return TemplateText.env(variable(value, key.toUpperCase(Locale.ROOT), "the body field " + name));
  }

  /** The variable that holds {@code secret}: the same one for the same secret, a new one otherwise. */
  private String variable(String secret, String base, String what) {
    String known = nameOf.get(secret);
    if (known != null) return known;
    String name = base;
    for (int i = 2; described.containsKey(name); i++) name = base + "_" + i;
    nameOf.put(secret, name);
    described.put(name, what);
    return name;
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (!described.isEmpty()) {
      notes.add("Secrets are read from the environment; set these before running:");
      described.forEach((name, what) -> notes.add("  " + name + ": " + what));
    }
    if (cookies) {
      notes.add("Cookie headers were left out: a session cookie belongs to the user who logged in, so let");
      notes.add("the scenario's own login request set it for each virtual user (the cookie jar).");
    }
    return notes;
  }
}
