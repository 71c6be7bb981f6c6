package horde.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCredentialsTest {

  @Test
  void literalKeysAreHiddenWhateverTheirPlaceOrSpelling() {
    assertThat(UrlCredentials.hidden("/v1/models?api_key=sk-abc123")).isEqualTo("/v1/models?api_key=***");
    assertThat(UrlCredentials.hidden("/s?q=cats&Access-Token=t0k&page=2")).isEqualTo("/s?q=cats&Access-Token=***&page=2");
    assertThat(UrlCredentials.hidden("https://h/x?sig=a%2Fb&X-Amz-Signature=ff#top"))
        .isEqualTo("https://h/x?sig=***&X-Amz-Signature=***#top");
  }

  @Test
  void otherParametersReferencesAndPathsWithoutQueriesStayAsWritten() {
    assertThat(UrlCredentials.hidden("/s?q=token&sort_key=price")).isEqualTo("/s?q=token&sort_key=price");
    assertThat(UrlCredentials.hidden("/s?api_key=${env.API_KEY}")).isEqualTo("/s?api_key=${env.API_KEY}");
    assertThat(UrlCredentials.hidden("/s?token=&key")).isEqualTo("/s?token=&key");
    assertThat(UrlCredentials.hidden("/token/${id}")).isEqualTo("/token/${id}");
  }

  @Test
  void aPasswordBeforeTheHostIsHiddenAndCanBeTakenOut() {
    assertThat(UrlCredentials.hidden("http://bob:PW@h:8080/ok?token=t")).isEqualTo("http://bob:***@h:8080/ok?token=***");
    assertThat(UrlCredentials.hidden("HTTPS://ghp_abc@h/x")).isEqualTo("HTTPS://***@h/x");
    assertThat(UrlCredentials.hidden("http://${user}:${env.PW}@h/x")).isEqualTo("http://${user}:${env.PW}@h/x");
    assertThat(UrlCredentials.hidden("http://h/x?next=http://a:b@c")).isEqualTo("http://h/x?next=http://a:b@c");
    assertThat(UrlCredentials.hidden("/mail/bob@h")).isEqualTo("/mail/bob@h");
    assertThat(UrlCredentials.userInfo("http://${u}:p@ss@h/x")).isEqualTo("${u}:p@ss");
    assertThat(UrlCredentials.userInfo("http://${env.A:-x/y}@h/")).isEqualTo("${env.A:-x/y}");
    assertThat(UrlCredentials.userInfo("http://h/a@b")).isNull();
    assertThat(UrlCredentials.withoutUserInfo("http://bob:PW@h/x")).isEqualTo("http://h/x");
    assertThat(UrlCredentials.withoutUserInfo("/x")).isEqualTo("/x");
  }

  @Test
  void aValueThatOnlyStartsWithAReferenceIsHidden() {
    assertThat(UrlCredentials.hidden("/s?key=${env.PREFIX}sk-live-1")).isEqualTo("/s?key=***");
  }
}
