package horde.plan;

import static horde.dsl.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Secrets a server echoes back leave failure samples hidden; the rest of the sample stays. */
class RedactionTest {
  /** A plan whose target logs in as ann and whose requests send an API key and a tenant. */
  private static final Redaction PLAN = new Planner(Map.of()).plan(scenario("echo")
      .target("http://ann:s3cr3t-pw@127.0.0.1:1")
      .defaultHeader("X-Api-Key", "xk-0123456789abcdef")
      .task(get("/x").header("X-Tenant", "acme"))
      .build()).redaction();

  @Test
  void echoedHeadersKeepTheirNamesAndLoseTheirValues() {
    String echo = """
        GET /echo HTTP/1.1
        Authorization: Basic YW5uOnMzY3IzdC1wdw==
        X-Api-Key: xk-0123456789abcdef
        x-tenant: acme
        User-Agent: horde/dev
        """;
    assertThat(PLAN.apply(echo)).isEqualTo("""
        GET /echo HTTP/1.1
        Authorization: Basic ***
        X-Api-Key: ***
        x-tenant: ***
        User-Agent: horde/dev
        """);
  }

  @Test
  void credentialFieldsInJsonFormsAndQueriesAreHidden() {
    assertThat(PLAN.apply("{\"model\":\"m\",\"api_key\":\"sk-proj-abcdefghijklmnop1234\",\"password\": \"hunter2-hunter2\","
        + "\"auth\":{\"client_secret\":\"cs\",\"n\":1},\"usage\":{\"prompt_tokens\":12,\"max_tokens\":100},\"token\":42}"))
        .isEqualTo("{\"model\":\"m\",\"api_key\":\"***\",\"password\": \"***\",\"auth\":{\"client_secret\":\"***\",\"n\":1},"
            + "\"usage\":{\"prompt_tokens\":12,\"max_tokens\":100},\"token\":***}");
    assertThat(PLAN.apply("token=tok-9876543210&user=ann")).isEqualTo("token=***&user=ann");
    assertThat(PLAN.apply("GET /x?access_token=qt-555&q=cats HTTP/1.1")).isEqualTo("GET /x?access_token=***&q=cats HTTP/1.1");
    assertThat(PLAN.apply("{'Authorization': 'Bearer bt-abcdefghijkl', 'Host': 'h'}"))
        .isEqualTo("{'Authorization': 'Bearer ***', 'Host': 'h'}");
    assertThat(PLAN.apply("{\"headers\":{\"X-Tenant\":\"acme\",\"Accept\":\"*/*\"}}"))
        .isEqualTo("{\"headers\":{\"X-Tenant\":\"***\",\"Accept\":\"*/*\"}}");
    assertThat(PLAN.apply("\"GET / HTTP/1.1\\r\\nAuthorization: Basic YW5uOnMzY3IzdC1wdw==\\r\\nHost: h\""))
        .isEqualTo("\"GET / HTTP/1.1\\r\\nAuthorization: Basic ***\\r\\nHost: h\"");
  }

  @Test
  void tokensAndKeysOfKnownShapesAreHiddenAnywhere() {
    assertThat(Redaction.SHAPES.apply("rejected Bearer abcdefghijklmnop for sk-live-1234567890abcdef, "
        + "ghp_abcdefghijklmnopqrstuvwxyz01, AKIAABCDEFGHIJKLMNOP and eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"))
        .isEqualTo("rejected Bearer *** for ***, ***, *** and ***");
    assertThat(Redaction.SHAPES.apply("login Basic YW5uOnB3eHl6 refused; the basic plan allows 10/s"))
        .isEqualTo("login Basic *** refused; the basic plan allows 10/s");
  }

  @Test
  void whatTheScenarioSendsIsHiddenWherever() {
    assertThat(PLAN.apply("unknown key xk-0123456789abcdef (base64 YW5uOnMzY3IzdC1wdw==)"))
        .isEqualTo("unknown key *** (base64 ***)");
  }

  @Test
  void anErrorWithoutSecretsStaysAsItIs() {
    String overloaded = "{\"error\":{\"message\":\"overloaded, retry later\",\"type\":\"rate_limit\",\"code\":429}}";
    assertThat(PLAN.apply(overloaded)).isEqualTo(overloaded);
    assertThat(PLAN.apply(null)).isNull();
  }

  /** Hidden before the sample is cut to its length: a secret across the cut does not leak its start. */
  @Test
  void aSampleIsHiddenThenCutToOneLine() {
    String body = "x".repeat(170) + "\nAuthorization: Basic YW5uOnMzY3IzdC1wdw==\nHost: h";
    String sample = PLAN.sample(body(body), 200);
    assertThat(sample).isEqualTo("x".repeat(170) + " Authorization: Basic *** Host...").doesNotContain("YW5u").doesNotContain("\n");
    assertThat(PLAN.sample(body("a\n b"), 200)).isEqualTo("a b");
  }

  private static ResponseView body(String text) {
    return new ResponseView() {
      public int status() {
        return 500;
      }

      public String header(String name) {
        return null;
      }

      public String bodyText() {
        return text;
      }

      public JsonNode json() {
        return null;
      }

      public long latencyNanos() {
        return 0;
      }
    };
  }
}
