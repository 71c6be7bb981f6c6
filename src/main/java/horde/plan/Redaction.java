package horde.plan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hides secrets in what Horde copies from a server into its output: a failure's sample (the start
 * of an error body) and the message of a failed setup. A server that echoes the request would
 * otherwise put the scenario's credentials into every report. Each secret becomes {@code ***}:
 *
 * <ul>
 *   <li>values of fields named like credentials, or like a header the scenario sends, in JSON
 *       ({@code "api_key": "***"}), form and query ({@code password=***}) and header ({@code
 *       X-Api-Key: ***}) shapes; an {@code Authorization} value keeps its scheme ({@code Basic ***});
 *   <li>Bearer tokens and Basic credentials anywhere, and keys of known shapes ({@code sk-…},
 *       {@code ghp_…}, {@code xoxb-…}, {@code AKIA…}, JWTs);
 *   <li>the values the scenario's headers send, wherever they appear.
 * </ul>
 *
 * <pre>{@code String shown = plan.redaction().apply(text);}</pre>
 */
public final class Redaction {
  /** No scenario's headers: the shapes alone. */
  public static final Redaction SHAPES = new Redaction(Set.of(), Set.of());

  private static final String HIDDEN = "***";
  private static final String CREDENTIAL_NAMES = "(?:[\\w.-]*[_-])?(?:api[_-]?key|access[_-]?key|secret[_-]?key"
      + "|private[_-]?key|token|secret|password|passwd|pwd|auth|jwt|signature|credentials?)"
      + "|key|sig|(?:proxy-)?authorization|cookie|set-cookie";
  /** Where a name starts: not inside a word, or right after an escaped line break ({@code \\r\\n}). */
  private static final String START = "(?:(?<![\\w.-])|(?<=\\\\[rnt]))";
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][\\w-]*[ \\t]+)\\S.*");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer[ \\t]+)[\\w~+/.-]{8,}=*");
  private static final Pattern BASIC = Pattern.compile("(?i)\\b(basic[ \\t]+)([A-Za-z0-9+/]{6,}={0,2})");
  private static final Pattern KEYS = Pattern.compile("\\b(?:(?:sk|pk|rk)-[\\w-]{8,}|(?:sk|pk|rk)_(?:live|test)_\\w{8,}"
      + "|gh[pousr]_\\w{20,}|github_pat_\\w{20,}|xox[abprs]-[\\w-]{10,}|AKIA[0-9A-Z]{16}|AIza[\\w-]{35}"
      + "|eyJ[\\w-]{5,}\\.eyJ[\\w-]{5,}\\.[\\w-]*)");
  /** Headers the scenario may send whose values say nothing secret. */
  private static final Set<String> PLAIN = Set.of("accept", "accept-encoding", "accept-language", "cache-control",
      "connection", "content-type", "content-length", "host", "origin", "pragma", "referer", "user-agent",
      "x-requested-with");
  /** Shorter sent values are too likely to be ordinary words. */
  private static final int MIN_VALUE = 8;

  private final Pattern fields;
  private final List<String> values;

  private Redaction(Set<String> sentNames, Set<String> sentValues) {
    String names = CREDENTIAL_NAMES + sentNames.stream().map(n -> "|" + Pattern.quote(n)).collect(Collectors.joining());
    String name = "(?<name>" + names + ")";
    this.fields = Pattern.compile("(?i)"
        + "(?<q>[\"'])" + name.replace("<name>", "<n1>") + "\\k<q>\\s*[:=]\\s*"
        + "(?:(?<qv>[\"'])(?<v1>(?:\\\\.|(?!\\k<qv>)[^\\\\\\r\\n])*)\\k<qv>|(?<v2>[^\\s,}\\]\"'{\\[][^\\s,}\\]\"']*))"
        + "|" + START + name.replace("<name>", "<n2>") + "=(?<v3>[^&\\s\"',;#]+)"
        + "|" + START + name.replace("<name>", "<n3>") + "[ \\t]*:[ \\t]*[\"']?(?<v4>[^\\r\\n\"'\\\\]+)");
    this.values = sentValues.stream().filter(v -> v.length() >= MIN_VALUE)
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** For a plan: the names and constant values of the headers its requests send. */
  static Redaction of(List<List<StepPlan>> steps) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> values = new TreeSet<>();
    steps.forEach(s -> Steps.requests(s).flatMap(r -> r.headers().stream()).forEach(h -> {
      if (PLAIN.contains(h.name().toLowerCase(Locale.ROOT))) return;
      names.add(h.name());
      String v = h.value().constant();
      if (v == null || v.isBlank()) return;
      values.add(v.strip());
      Matcher scheme = SCHEME.matcher(v.strip());
      if (scheme.matches()) values.add(v.strip().substring(scheme.end(1)));
    }));
    return new Redaction(names, values);
  }

  /** The text with every secret it recognises replaced by {@code ***}; null stays null. */
  public String apply(String text) {
    if (text == null || text.isEmpty()) return text;
    String out = fields(text); // first, so that an Authorization value keeps its scheme
    for (String v : values) out = out.replace(v, HIDDEN);
    out = BEARER.matcher(out).replaceAll("$1" + HIDDEN);
    out = basic(out);
    return KEYS.matcher(out).replaceAll(HIDDEN);
  }

  /**
   * A failure's sample of a response body: its start, secrets hidden, on one line, at most {@code
   * max} characters and "...". Hidden before it is cut, so that a secret cut in two is hidden too.
   */
  public String sample(ResponseView response, int max) {
    String body = response.bodyText();
    String t = apply(body.length() > 4 * max ? body.substring(0, 4 * max) : body);
    t = t.length() > max ? t.substring(0, max) + "..." : t;
    return t.replaceAll("\\s+", " ").strip();
  }

  private String fields(String text) {
    Matcher m = fields.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String value = firstOf(m, "v1", "v2", "v3", "v4");
      String name = firstOf(m, "n1", "n2", "n3");
      m.appendReplacement(out, Matcher.quoteReplacement(
          text.substring(m.start(), m.start(valueGroup(m))) + hidden(name, value)
              + text.substring(m.end(valueGroup(m)), m.end())));
    }
    return m.appendTail(out).toString();
  }

  /** An Authorization value keeps its scheme: {@code Basic ***}. */
  private static String hidden(String name, String value) {
    if (!name.toLowerCase(Locale.ROOT).endsWith("authorization")) return HIDDEN;
    Matcher scheme = SCHEME.matcher(value);
    return scheme.matches() ? scheme.group(1) + HIDDEN : HIDDEN;
  }

  /** {@code Basic xyz} where xyz decodes to user:password. */
  private static String basic(String text) {
    Matcher m = BASIC.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(isLogin(m.group(2)) ? m.group(1) + HIDDEN : m.group()));
    }
    return m.appendTail(out).toString();
  }

  private static boolean isLogin(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).indexOf(':') > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String firstOf(Matcher m, String... groups) {
    for (String g : groups) if (m.group(g) != null) return m.group(g);
    return "";
  }

  private static String valueGroup(Matcher m) {
    for (String g : new String[] {"v1", "v2", "v3", "v4"}) if (m.group(g) != null) return g;
    throw new IllegalStateException("a field without a value");
  }
}
