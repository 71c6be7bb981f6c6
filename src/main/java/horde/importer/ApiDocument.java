package horde.importer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An OpenAPI document read with swagger-parser, and the server its requests go to. */
final class ApiDocument {
  private static final Pattern SWAGGER_2 = Pattern.compile("(?m)^\\s*[\"']?swagger[\"']?\\s*:\\s*[\"']?2");

  private ApiDocument() {}

  /** Parses {@code location} (a file or an http(s) URL) with every {@code $ref} resolved. */
  static OpenAPI parse(String location) throws ImportException {
    boolean url = location.startsWith("http://") || location.startsWith("https://");
    if (!url) {
      Path file = Path.of(location);
      if (!Files.isRegularFile(file)) throw new ImportException("no such file: " + location);
      try {
        if (SWAGGER_2.matcher(Files.readString(file)).find()) {
          throw new ImportException(location + " is a Swagger 2.0 document: convert it to OpenAPI 3 first (for example with"
              + " swagger2openapi or editor.swagger.io's \"Convert to OpenAPI 3\")");
        }
      } catch (IOException e) {
        throw new ImportException("cannot read " + location + ": " + e.getMessage(), e);
      }
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult r = new OpenAPIV3Parser().readLocation(url ? location : Path.of(location).toAbsolutePath().toString(), null, options);
    if (r.getOpenAPI() == null || r.getOpenAPI().getPaths() == null) {
      List<String> why = r.getMessages() == null ? List.of() : r.getMessages();
      throw new ImportException(location + " is not an OpenAPI 3 document" + (why.isEmpty() ? "" : ": " + String.join("; ", why)));
    }
    return r.getOpenAPI();
  }

  /**
   * The URL requests are relative to: the chosen server's, its variables at their defaults, made
   * absolute against the document's URL when it is relative; a relative one stays relative when the
   * document is a file (the target then comes from --host). No trailing slash.
   */
  static String base(OpenAPI api, String choice, String location) throws ImportException {
    List<Server> servers = api.getServers() == null ? List.of() : api.getServers();
    String url;
    if (choice == null) {
      url = servers.isEmpty() ? "/" : url(servers.get(0));
    } else if (choice.matches("\\d+")) {
      int n = Integer.parseInt(choice);
      if (n < 1 || n > servers.size()) throw new ImportException("--server " + choice + ": the document lists " + describe(servers));
      url = url(servers.get(n - 1));
    } else {
      url = choice;
    }
    if (!url.contains("://") && location.matches("https?://.*")) url = URI.create(location).resolve(url).toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String url(Server s) {
    String url = s.getUrl() == null ? "/" : s.getUrl();
    if (s.getVariables() != null) {
      for (Map.Entry<String, ServerVariable> v : s.getVariables().entrySet()) {
        if (v.getValue().getDefault() != null) url = url.replace("{" + v.getKey() + "}", v.getValue().getDefault());
      }
    }
    return url;
  }

  private static String describe(List<Server> servers) {
    if (servers.isEmpty()) return "no server";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < servers.size(); i++) b.append(i == 0 ? "" : ", ").append(i + 1).append(": ").append(url(servers.get(i)));
    return b.toString();
  }

  /** The document's file name, or its URL. */
  static String shortName(String location) {
    if (location.matches("https?://.*")) return location;
    Path name = Path.of(location).getFileName();
    return name == null ? location : name.toString();
  }
}
