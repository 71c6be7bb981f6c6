package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void resolvesFixedPathsAndIds() {
    assertThat(Endpoint.resolve("GET", "/health").endpoint()).isEqualTo(Endpoint.HEALTH);
    Endpoint.Route ask = Endpoint.resolve("POST", "/api/conversations/conv_1/messages");
    assertThat(ask.endpoint()).isEqualTo(Endpoint.CONVERSATION_ASK);
    assertThat(ask.id()).isEqualTo("conv_1");
    assertThat(Endpoint.resolve("GET", "/api/conversations/conv_1/messages").endpoint())
        .isEqualTo(Endpoint.CONVERSATION_HISTORY);
    assertThat(Endpoint.resolve("GET", "/api/jobs/j9/").id()).isEqualTo("j9");
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405WithAllow() {
    assertThat(Endpoint.resolve("GET", "/nope").status()).isEqualTo(404);
    assertThat(Endpoint.resolve("GET", "/api/jobs//x").status()).isEqualTo(404);
    Endpoint.Route wrong = Endpoint.resolve("DELETE", "/api/conversations/c/messages");
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.allow()).isEqualTo("POST, GET");
  }
}
