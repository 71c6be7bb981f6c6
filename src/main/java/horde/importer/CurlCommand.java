package horde.importer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One curl command line, read as curl reads its options: the method ({@code -X}, {@code -I},
 * {@code -G}, or POST when there is data), the URL, headers ({@code -H}, {@code -A}, {@code -e},
 * {@code -u}), and data ({@code -d}, {@code --data-raw}, {@code --data-binary}, {@code
 * --data-urlencode}, {@code --json}) joined with {@code &} as curl joins it. Options that only
 * change what curl prints or how it connects are accepted and have no effect on the request.
 */
final class CurlCommand {
  private static final Set<String> FLAGS = Set.of("-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i",
      "--include", "-L", "--location", "-f", "--fail", "--fail-with-body", "-N", "--no-buffer", "--compressed", "-#",
      "--progress-bar", "--http1.1", "--http2", "--http1.0", "-k", "--insecure", "-G", "--get", "-I", "--head", "-g",
      "--globoff", "--location-trusted", "-q", "--disable", "--no-progress-meter", "-n", "--netrc");
  private static final Set<String> WITH_VALUE = Set.of("-X", "--request", "-H", "--header", "-d", "--data",
      "--data-ascii", "--data-binary", "--data-raw", "--data-urlencode", "--json", "-u", "--user", "-A",
      "--user-agent", "-e", "--referer", "-b", "--cookie", "--url", "-o", "--output", "-w", "--write-out", "-m",
      "--max-time", "--connect-timeout", "--retry", "--retry-delay", "--retry-max-time", "-F", "--form",
      "--form-string", "-c", "--cookie-jar", "--cacert", "--cert", "--key", "-x", "--proxy", "--resolve",
      "--connect-to", "-T", "--upload-file", "--max-redirs", "--limit-rate", "-r", "--range", "-y", "-Y");
  private static final String SHORT_WITH_VALUE = "XHduAebowmFcxTry";

  String method;
  String url;
  final List<Header> headers = new ArrayList<>();
  final List<String> data = new ArrayList<>();
  boolean json;
  boolean get;
  boolean head;
  boolean insecure;
  boolean cookies;

  private CurlCommand() {}

  /** Reads the words of one command, {@code curl} first. */
  static CurlCommand parse(List<String> words) throws ImportException {
    if (words.isEmpty() || !words.get(0).equals("curl")) throw new ImportException("a curl command starts with curl: " + String.join(" ", words));
    CurlCommand c = new CurlCommand();
    List<String> args = expand(words.subList(1, words.size()));
    for (int k = 0; k < args.size(); k++) {
      String a = args.get(k);
      if (WITH_VALUE.contains(a)) {
        if (k + 1 >= args.size()) throw new ImportException("curl option " + a + " needs a value");
        c.option(a, args.get(++k));
      } else if (FLAGS.contains(a)) {
        c.flag(a);
      } else if (a.startsWith("-") && a.length() > 1) {
        throw new ImportException("curl option " + a + " is not understood");
      } else if (c.url == null) {
        c.url = a;
      } else {
        throw new ImportException("one URL per curl command, found " + c.url + " and " + a);
      }
    }
    if (c.url == null) throw new ImportException("the curl command has no URL");
    return c;
  }

  /** {@code -sSL} is {@code -s -S -L}; {@code -XPOST} is {@code -X POST}. */
  private static List<String> expand(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w.length() <= 2 || !w.startsWith("-") || w.startsWith("--")) {
        out.add(w);
        continue;
      }
      for (int i = 1; i < w.length(); i++) {
        char o = w.charAt(i);
        out.add("-" + o);
        if (SHORT_WITH_VALUE.indexOf(o) >= 0) {
          if (i + 1 < w.length()) out.add(w.substring(i + 1));
          break;
        }
      }
    }
    return out;
  }

  private void flag(String f) {
    switch (f) {
      case "-G", "--get" -> get = true;
      case "-I", "--head" -> head = true;
      case "-k", "--insecure" -> insecure = true;
      default -> {}
    }
  }

  private void option(String o, String v) throws ImportException {
    switch (o) {
      case "-X", "--request" -> method = v.toUpperCase(Locale.ROOT);
      case "-H", "--header" -> header(v);
      case "-d", "--data", "--data-ascii", "--data-binary" -> data.add(file(o, v, o.equals("--data-binary") ? v : v.replace("\n", "").replace("\r", "")));
      case "--data-raw" -> data.add(v);
      case "--data-urlencode" -> data.add(urlencoded(v));
      case "--json" -> {
        data.add(file(o, v, v));
        json = true;
      }
      case "-u", "--user" -> headers.add(new Header("Authorization", basic(v)));
      case "-A", "--user-agent" -> headers.add(new Header("User-Agent", v));
      case "-e", "--referer" -> headers.add(new Header("Referer", v));
      case "-b", "--cookie" -> cookies = true;
      case "--url" -> url = v;
      case "-F", "--form", "--form-string", "-T", "--upload-file" ->
          throw new ImportException("curl " + o + " (a multipart form or an upload) is not imported: send the body with -d or --data-binary");
      default -> {} // output, timing, TLS and proxy options: the request itself is the same
    }
  }

  private void header(String h) throws ImportException {
    int colon = h.indexOf(':');
    int semi = h.indexOf(';');
    if (colon < 0 && semi == h.length() - 1) headers.add(new Header(h.substring(0, semi).strip(), "")); // "Name;" sends it empty
    if (colon <= 0) return;
    String name = h.substring(0, colon).strip();
    String value = h.substring(colon + 1).strip();
    if (!new Header(name, value).validName()) throw new ImportException("-H '" + h + "': '" + name + "' is not a header name");
    headers.removeIf(x -> x.is(name));
    if (!value.isEmpty()) headers.add(new Header(name, value)); // "Name:" removes it
  }

  private static String file(String option, String v, String data) throws ImportException {
    if (v.startsWith("@")) throw new ImportException("curl " + option + " " + v + " reads a file: put its content in the command instead");
    return data;
  }

  /** {@code content}, {@code =content} or {@code name=content}, the content URL-encoded. */
  private static String urlencoded(String v) throws ImportException {
    int eq = v.indexOf('=');
    if (v.startsWith("@") || (eq < 0 && v.contains("@"))) file("--data-urlencode", "@", v);
    String name = eq < 0 ? "" : v.substring(0, eq);
    String content = eq < 0 ? v : v.substring(eq + 1);
    String encoded = TemplateText.mapLiterals(content, t -> URLEncoder.encode(t, StandardCharsets.UTF_8));
    return name.isEmpty() ? encoded : name + "=" + encoded;
  }

  /** {@code -u user:password} as curl sends it; with variables in it, the whole credential from the environment. */
  private static String basic(String userPassword) {
    if (TemplateText.hasReference(userPassword)) return "Basic " + TemplateText.env("BASIC_AUTH");
    String raw = userPassword.replace("$${", "${");
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }
}
