package horde.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads curl command lines, as copied from an API's documentation, into a draft: one task per
 * command, the body as JSON or form fields where it is one, shell variables ({@code
 * $OPENAI_API_KEY}) as environment variables, and literal secrets moved to the environment
 * ({@link Secrets}).
 *
 * <pre>{@code
 * Draft d = Curl.read(List.of("curl https://api.example.com/v1/items -H 'Authorization: Bearer sk-123'"));
 * }</pre>
 */
public final class Curl {
  private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)");

  private Curl() {}

  public static Draft read(List<String> commands) throws ImportException {
    List<Call> calls = new ArrayList<>();
    Set<String> variables = new LinkedHashSet<>();
    boolean insecure = false;
    boolean cookies = false;
    for (int n = 0; n < commands.size(); n++) {
      CurlCommand c;
      try {
        List<String> words = ShellWords.split(commands.get(n));
        words.forEach(w -> collect(w, variables));
        c = CurlCommand.parse(words);
      } catch (ImportException e) {
        throw commands.size() == 1 ? e : new ImportException("command " + (n + 1) + ": " + e.getMessage(), e);
      }
      calls.add(call(c));
      insecure |= c.insecure;
      cookies |= c.cookies;
    }
    List<String> notes = new ArrayList<>();
    if (!variables.isEmpty()) notes.add("Shell variables are read from the environment: set " + String.join(", ", variables) + " before running.");
    if (insecure) notes.add("The command used -k (--insecure): add http: {insecure: true} to accept the target's certificate.");
    if (cookies) notes.add("Cookies (-b) were left out: let the scenario's own login request set them.");
    return Secrets.apply(new Draft("curl", commands.size() == 1 ? "curl" : "curl (" + commands.size() + " commands)", null, calls, notes));
  }

  private static Call call(CurlCommand c) throws ImportException {
    String url = c.url.contains("://") ? c.url : "http://" + c.url;
    String body = String.join("&", c.data);
    if (c.get && !body.isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + body;
      body = "";
    }
    String method = c.method != null ? c.method : c.head ? "HEAD" : !body.isEmpty() ? "POST" : "GET";
    List<Header> headers = new ArrayList<>();
    String contentType = c.json ? "application/json" : "application/x-www-form-urlencoded";
    for (Header h : c.headers) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.equals("content-type")) contentType = h.value();
      else if (!name.equals("content-length") && !name.equals("host")) headers.add(h);
    }
    if (c.json && RequestHeaders.value(headers, "accept") == null) headers.add(new Header("Accept", "application/json"));
    String path = url.replaceFirst("^[a-zA-Z]+://[^/?#]*", "").replaceFirst("[?#].*", "");
    if (!ScenarioWriter.supported(method)) throw new ImportException("curl -X " + method + ": a scenario sends GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS");
    return Call.of(method, url, headers, Bodies.template(body, contentType), method + " " + (path.isEmpty() ? "/" : path));
  }

  private static void collect(String word, Set<String> names) {
    Matcher m = ENV.matcher(word);
    while (m.find()) names.add(m.group(1));
  }
}
