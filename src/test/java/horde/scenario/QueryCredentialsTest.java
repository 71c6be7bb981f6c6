package horde.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryCredentialsTest {

  @Test
  void literalKeysAreHiddenWhateverTheirPlaceOrSpelling() {
    assertThat(QueryCredentials.hidden("/v1/models?api_key=sk-abc123")).isEqualTo("/v1/models?api_key=***");
    assertThat(QueryCredentials.hidden("/s?q=cats&Access-Token=t0k&page=2")).isEqualTo("/s?q=cats&Access-Token=***&page=2");
    assertThat(QueryCredentials.hidden("https://h/x?sig=a%2Fb&X-Amz-Signature=ff#top"))
        .isEqualTo("https://h/x?sig=***&X-Amz-Signature=***#top");
  }

  @Test
  void otherParametersReferencesAndPathsWithoutQueriesStayAsWritten() {
    assertThat(QueryCredentials.hidden("/s?q=token&sort_key=price")).isEqualTo("/s?q=token&sort_key=price");
    assertThat(QueryCredentials.hidden("/s?api_key=${env.API_KEY}")).isEqualTo("/s?api_key=${env.API_KEY}");
    assertThat(QueryCredentials.hidden("/s?token=&key")).isEqualTo("/s?token=&key");
    assertThat(QueryCredentials.hidden("/token/${id}")).isEqualTo("/token/${id}");
  }

  @Test
  void aValueThatOnlyStartsWithAReferenceIsHidden() {
    assertThat(QueryCredentials.hidden("/s?key=${env.PREFIX}sk-live-1")).isEqualTo("/s?key=***");
  }
}
