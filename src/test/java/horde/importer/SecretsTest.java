package horde.importer;

import static horde.importer.Calls.draft;
import static horde.importer.Calls.get;
import static horde.importer.Calls.header;
import static horde.importer.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Secrets}: credentials leave the scenario for the environment. */
class SecretsTest {
  static final String API = "https://api.example.com";

  @Test
  void credentialsInHeadersBecomeEnvironmentVariablesTheSameSecretOneName() {
    Draft d = Secrets.apply(draft(
        get(API + "/a", header("Authorization", "Bearer sk-live-123"), header("X-Api-Key", "k-999"), header("Accept", "text/plain")),
        get(API + "/b", header("authorization", "Bearer sk-live-123")),
        get(API + "/c", header("Authorization", "Bearer sk-other-456")),
        get(API + "/d", header("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l")),
        get(API + "/e", header("Authorization", "token ghp_abc123")),
        get(API + "/f", header("Authorization", "Bearer ${access_token}"))));
    assertThat(d.calls().get(0).headers()).containsExactly(header("Authorization", "Bearer ${env.API_TOKEN:-}"),
        header("X-Api-Key", "${env.API_KEY:-}"), header("Accept", "text/plain"));
    assertThat(d.calls().get(1).headers()).containsExactly(header("authorization", "Bearer ${env.API_TOKEN:-}"));
    assertThat(d.calls().get(2).headers()).containsExactly(header("Authorization", "Bearer ${env.API_TOKEN_2:-}"));
    assertThat(d.calls().get(3).headers()).containsExactly(header("Authorization", "Basic ${env.BASIC_AUTH:-}"));
    assertThat(d.calls().get(4).headers()).containsExactly(header("Authorization", "token ${env.API_TOKEN_3:-}"));
    assertThat(d.calls().get(5).headers()).containsExactly(header("Authorization", "Bearer ${access_token}"));
    assertThat(d.notes()).contains("  API_TOKEN: the Authorization header's Bearer token", "  API_KEY: the X-Api-Key header",
        "  BASIC_AUTH: the Authorization header's Basic credentials: base64 of user:password");
    assertThat(String.join("\n", d.notes()) + d.calls()).doesNotContain("sk-live-123", "k-999", "sk-other-456", "ghp_abc123",
        "YWxhZGRpbjpvcGVuc2VzYW1l");
  }

  @Test
  void cookiesAreLeftOutWithANote() {
    Draft d = Secrets.apply(draft(get(API + "/me", header("Cookie", "session=abc123"), header("Accept", "*/*"))));
    assertThat(d.calls().get(0).headers()).containsExactly(header("Accept", "*/*"));
    assertThat(String.join("\n", d.notes())).contains("Cookie headers were left out").doesNotContain("abc123");
  }

  @Test
  void credentialsInTheQueryAndTheBodyToo() {
    Draft d = Secrets.apply(draft(
        get(API + "/search?q=shoes&api_key=AIzaSy123&page=2"),
        post(API + "/login", "{\"user\":\"ann\",\"password\":\"hunter2\",\"tags\":[\"password\"]}"),
        Call.of("POST", API + "/token", List.of(), new Body.Form(List.of(header("grant_type", "client_credentials"),
            header("client_secret", "cs_42"))), "page")));
    assertThat(d.calls().get(0).url()).isEqualTo(API + "/search?q=shoes&api_key=${env.API_KEY:-}&page=2");
    assertThat(Calls.json(d.calls().get(1)).toString()).isEqualTo("{\"user\":\"ann\",\"password\":\"${env.PASSWORD:-}\",\"tags\":[\"password\"]}");
    assertThat(((Body.Form) d.calls().get(2).body()).fields()).containsExactly(header("grant_type", "client_credentials"),
        header("client_secret", "${env.CLIENT_SECRET:-}"));
  }
}
