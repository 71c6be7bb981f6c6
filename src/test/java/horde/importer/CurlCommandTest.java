package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Curl}: curl's options read as curl reads them. */
class CurlCommandTest {
  static Call one(String command) throws ImportException {
    return Curl.read(List.of(command)).calls().get(0);
  }

  @Test
  void methodFollowsCurlsRules() throws Exception {
    assertThat(one("curl https://x.io/a").method()).isEqualTo("GET");
    assertThat(one("curl https://x.io/a -d a=1").method()).isEqualTo("POST");
    assertThat(one("curl -XPUT https://x.io/a -d a=1").method()).isEqualTo("PUT");
    assertThat(one("curl -I https://x.io/a").method()).isEqualTo("HEAD");
    Call g = one("curl -G https://x.io/search?x=1 -d q=shoes --data-urlencode 'name=a b&c'");
    assertThat(g.method()).isEqualTo("GET");
    assertThat(g.url()).isEqualTo("https://x.io/search?x=1&q=shoes&name=a+b%26c");
    assertThat(g.body()).isEqualTo(Body.NONE);
    assertThat(one("curl x.io/a").url()).isEqualTo("http://x.io/a");
  }

  @Test
  void dataIsJoinedAsCurlJoinsItAndReadAsJsonOrFormFields() throws Exception {
    Call form = one("curl https://x.io/a -d name='Jenny Rosen' -d email=j%40x.io --data-binary $'line\\n' ");
    assertThat(((Body.Text) form.body()).text()).isEqualTo("name=Jenny Rosen&email=j%40x.io&line\n");
    Call fields = one("curl https://x.io/a -d name='Jenny Rosen' --data-raw email=j%40x.io");
    assertThat(((Body.Form) fields.body()).fields()).containsExactly(new Header("name", "Jenny Rosen"), new Header("email", "j@x.io"));
    Call json = one("curl -sSL https://x.io/a -H 'Content-Type: application/json' -d '{\"n\": 1, \"s\": \"x\"}'");
    assertThat(Calls.json(json).toString()).isEqualTo("{\"n\":1,\"s\":\"x\"}");
    assertThat(json.headers()).isEmpty();
    Call j = one("curl --json '{\"a\": [true]}' https://x.io/a");
    assertThat(Calls.json(j).toString()).isEqualTo("{\"a\":[true]}");
    assertThat(j.headers()).containsExactly(new Header("Accept", "application/json"));
    Call text = one("curl https://x.io/a -H 'Content-Type: text/csv' --data-binary 'a,b'");
    assertThat(text.body()).isEqualTo(new Body.Text("a,b", "text/csv"));
  }

  @Test
  void headersUserAgentRefererAndLogin() throws Exception {
    Call c = one("curl https://x.io/a -H 'X-A: 1' -H 'X-A: 2' -H 'X-Empty;' -A horde/1 -e https://x.io/ -u ann:secret1");
    assertThat(c.headers()).containsExactly(new Header("X-A", "2"), new Header("X-Empty", ""), new Header("User-Agent", "horde/1"),
        new Header("Referer", "https://x.io/"), new Header("Authorization", "Basic ${env.BASIC_AUTH:-}"));
    Call removed = one("curl https://x.io/a -H 'Accept: a' -H 'Accept:'");
    assertThat(removed.headers()).isEmpty();
  }

  @Test
  void optionsThatDoNotChangeTheRequestAreAccepted() throws Exception {
    Call c = one("curl -fsSL --compressed -o out.json -w '%{http_code}' --max-time 10 --retry 3 https://x.io/a");
    assertThat(c.url()).isEqualTo("https://x.io/a");
  }

  @Test
  void whatCannotBeImportedIsRefusedWithWhy() {
    assertThatThrownBy(() -> one("curl https://x.io -F file=@a.png")).hasMessageContaining("multipart form");
    assertThatThrownBy(() -> one("curl https://x.io -d @body.json")).hasMessageContaining("reads a file");
    assertThatThrownBy(() -> one("curl --frobnicate https://x.io")).hasMessageContaining("--frobnicate is not understood");
    assertThatThrownBy(() -> one("curl -H")).hasMessageContaining("-H needs a value");
    assertThatThrownBy(() -> one("curl -H 'X Y: 1' https://x.io")).hasMessageContaining("'X Y' is not a header name");
    assertThatThrownBy(() -> one("curl -s")).hasMessageContaining("no URL");
    assertThatThrownBy(() -> one("wget https://x.io")).hasMessageContaining("starts with curl");
    assertThatThrownBy(() -> one("curl -X PROPFIND https://x.io")).hasMessageContaining("a scenario sends GET");
    assertThatThrownBy(() -> Curl.read(List.of("curl https://x.io", "curl a b"))).hasMessageStartingWith("command 2: one URL");
  }
}
