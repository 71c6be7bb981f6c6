package horde.importer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials an operation's security requirement asks for, as headers and query parameters
 * that read them from the environment: a bearer token as {@code Authorization: Bearer
 * ${env.API_TOKEN:-}}, an API key under its own name. The first requirement listed is the one used.
 */
final class ApiSecurity {
  private final OpenAPI api;
  /** Variables used, with what they hold, for the file's header. */
  final Map<String, String> variables = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();

  ApiSecurity(OpenAPI api) {
    this.api = api;
  }

  /** Adds the requirement's headers to {@code headers} and returns its query parameters ({@code name=value}). */
  List<String> apply(ApiOperation op, List<Header> headers) {
    List<SecurityRequirement> requirements = op.operation().getSecurity() != null ? op.operation().getSecurity() : api.getSecurity();
    List<String> query = new ArrayList<>();
    if (requirements == null || requirements.isEmpty() || api.getComponents() == null
        || api.getComponents().getSecuritySchemes() == null) return query;
    for (String name : requirements.get(0).keySet()) {
      SecurityScheme s = api.getComponents().getSecuritySchemes().get(name);
      if (s != null) apply(name, s, headers, query);
    }
    return query;
  }

  private void apply(String name, SecurityScheme s, List<Header> headers, List<String> query) {
    switch (s.getType()) {
      case HTTP -> {
        boolean basic = "basic".equalsIgnoreCase(s.getScheme());
        String var = basic ? "BASIC_AUTH" : "API_TOKEN";
        use(var, basic ? "base64 of user:password for " + name : "the bearer token for " + name);
        headers.add(new Header("Authorization", (basic ? "Basic " : "Bearer ") + TemplateText.env(var)));
      }
      case OAUTH2, OPENIDCONNECT -> {
        use("ACCESS_TOKEN", "an OAuth access token for " + name);
        headers.add(new Header("Authorization", "Bearer " + TemplateText.env("ACCESS_TOKEN")));
      }
      case APIKEY -> {
        String var = SavedNames.snake(s.getName()).replaceFirst("^x_", "").toUpperCase(Locale.ROOT);
        use(var, "the API key " + s.getName() + " (" + name + ")");
        switch (s.getIn()) {
          case HEADER -> headers.add(new Header(s.getName(), TemplateText.env(var)));
          case QUERY -> query.add(s.getName() + "=" + TemplateText.env(var));
          case COOKIE -> note("The API key cookie " + s.getName() + " was left out: let a login request set it.");
        }
      }
      case MUTUALTLS -> note("Mutual TLS (" + name + ") is not set up by the import.");
    }
  }

  private void use(String var, String what) {
    variables.putIfAbsent(var, what);
  }

  private void note(String text) {
    if (!notes.contains(text)) notes.add(text);
  }
}
