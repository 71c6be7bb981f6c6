package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.load;
import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.CacheHit;
import horde.scenario.LlmSettings;
import horde.scenario.LlmSpec;
import horde.scenario.Price;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.StreamSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys of streaming and LLM accounting: llm at the top; stream, llm, model, cache_hit. */
class LlmKeysTest {
  static List<Request> requests(Scenario s) {
    return s.users().getFirst().tasks().stream().map(t -> (Request) t.steps().getFirst()).toList();
  }

  @Test
  void theTopLevelSection() {
    Scenario s =
        load(
            """
            llm:
              tokenizer: o200k_base
              prices:
                gpt-4o-mini: {input: 0.15, output: 0.60}
                gpt-4o: {input: 2.5, output: 10, per_request: 0}
                default: {per_request: 0.001}
              cache_hit: {header: X-Cache, equals: HIT}
            tasks: [get: /]
            """);
    assertThat(s.llm().tokenizer()).isEqualTo("o200k_base");
    assertThat(s.llm().prices())
        .containsExactly(
            Map.entry("gpt-4o-mini", new Price(0.15, 0.60, 0)),
            Map.entry("gpt-4o", new Price(2.5, 10, 0)),
            Map.entry("default", new Price(0, 0, 0.001)));
    assertThat(s.llm().cacheHit()).isEqualTo(new CacheHit(CacheHit.Source.HEADER, "X-Cache", "HIT"));
    assertThat(load("tasks: [get: /]\n").llm()).isEqualTo(LlmSettings.NONE);
    assertThat(load("llm: {tokenizer: \"chars:3.5\"}\ntasks: [get: /]\n").llm().tokenizer())
        .isEqualTo("chars:3.5");
    assertThat(load("llm: {tokenizer: chars:4}\ntasks: [get: /]\n").llm().tokenizer())
        .isEqualTo("chars:4");
  }

  @Test
  void aRequestsStreamLlmModelAndCacheHit() {
    List<Request> r =
        requests(
            load(
                """
                llm:
                  prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}
                tasks:
                  - post: /v1/chat/completions
                    stream: openai
                    model: gpt-4o-mini
                    json: {model: gpt-4o-mini, stream: true, stream_options: {include_usage: true}}
                  - get: /events
                    stream: {kind: sse, event: token, content: $.text, terminator: "[DONE]", idle_timeout: 5s}
                  - get: /chunks
                    stream: chunked
                    llm: {output_tokens: $.usage.output_tokens}
                  - post: /v1/chat/completions
                    name: plain
                    llm: openai
                    cache_hit: {json: $.cached}
                  - post: /api/ask
                    llm: {input_tokens: $.usage.in, output_tokens: $.usage.out, content: $.answer}
                    cache_hit: {json: $.cache.state, equals: hit}
                  - get: /cdn
                    cache_hit: {header: X-Cache-Hit}
                """));
    assertThat(r.get(0).stream()).isEqualTo(StreamSpec.of(StreamSpec.Kind.OPENAI));
    assertThat(r.get(0).stream().content()).isEqualTo("$.choices[0].delta.content");
    assertThat(r.get(0).llm()).isEqualTo(LlmSpec.OPENAI);
    assertThat(r.get(0).model()).isEqualTo("gpt-4o-mini");
    assertThat(r.get(1).stream())
        .isEqualTo(
            new StreamSpec(StreamSpec.Kind.SSE, "token", "$.text", "[DONE]", Duration.ofSeconds(5)));
    assertThat(r.get(1).llm()).isNull();
    assertThat(r.get(2).stream()).isEqualTo(StreamSpec.of(StreamSpec.Kind.CHUNKED));
    assertThat(r.get(2).llm()).isEqualTo(new LlmSpec(null, "$.usage.output_tokens", null));
    assertThat(r.get(3).stream()).isNull();
    assertThat(r.get(3).llm()).isEqualTo(LlmSpec.OPENAI);
    assertThat(r.get(3).cacheHit()).isEqualTo(new CacheHit(CacheHit.Source.JSON, "$.cached", null));
    assertThat(r.get(4).llm()).isEqualTo(new LlmSpec("$.usage.in", "$.usage.out", "$.answer"));
    assertThat(r.get(4).cacheHit())
        .isEqualTo(new CacheHit(CacheHit.Source.JSON, "$.cache.state", "hit"));
    assertThat(r.get(5).cacheHit())
        .isEqualTo(new CacheHit(CacheHit.Source.HEADER, "X-Cache-Hit", null));
    assertThat(r.get(5).accounted()).isTrue();
    assertThat(requests(load("tasks: [get: /]\n")).getFirst().accounted()).isFalse();
  }

  @Test
  void theTopLevelSectionsMistakes() {
    assertThat(
            problems(
                """
                llm:
                  tokenizer: o100k_base
                  prices:
                    gpt-4o-mini: {input: -1, output: "0.6"}
                    default: {}
                    cheap: {per_request: abc, inpt: 1}
                    "": {input: 1}
                    big: 5
                  cache_hit: {json: cached, header: X-Cache}
                  caching: {}
                tasks: [get: /]
                """))
        .containsExactly(
            "2:14 unknown tokenizer 'o100k_base' (did you mean 'o200k_base'?); use one of"
                + " cl100k_base, o200k_base, p50k_base, r50k_base or chars:N",
            "4:26 prices.gpt-4o-mini.input: expected a number of dollars, 0 or more, like 0.15,"
                + " found '-1'",
            "4:38 prices.gpt-4o-mini.output: expected a number of dollars, 0 or more, like 0.15,"
                + " found \"0.6\" (quoted text)",
            "5:14 prices.default: expected a price like {input: 0.15, output: 0.60} (dollars per"
                + " million tokens) or {per_request: 0.001}, found an empty mapping",
            "6:26 prices.cheap.per_request: expected a number of dollars, 0 or more, like 0.15,"
                + " found 'abc'",
            "6:31 unknown key 'inpt' in a price like {input: 0.15, output: 0.60} (dollars per"
                + " million tokens) or {per_request: 0.001} (did you mean 'input'?)",
            "7:5 prices: a model name may not be empty",
            "8:10 prices.big: expected a price like {input: 0.15, output: 0.60} (dollars per"
                + " million tokens) or {per_request: 0.001}, found '5'",
            "9:14 cache_hit: expected exactly one of json or header, found both",
            "10:3 unknown key 'caching' in a mapping with tokenizer, prices and cache_hit (did you"
                + " mean 'cache_hit'?)");
    assertThat(problems("llm: {tokenizer: \"chars:0\"}\ntasks: [get: /]\n"))
        .containsExactly(
            "1:18 tokenizer 'chars:0': chars:N needs a number of characters above 0, like"
                + " chars:4");
    assertThat(problems("llm: [a]\ntasks: [get: /]\n"))
        .containsExactly(
            "1:6 llm: expected a mapping with tokenizer, prices and cache_hit, found a list");
    assertThat(problems("llm: {prices: [gpt]}\ntasks: [get: /]\n"))
        .containsExactly(
            "1:15 prices: expected a mapping of model names to prices, like {gpt-4o-mini:"
                + " {input: 0.15}}, found a list");
  }

  @Test
  void aRequestsMistakes() {
    assertThat(
            problems(
                """
                llm:
                  prices: {gpt-4o-mini: {input: 0.15}, default: {per_request: 0.01}}
                tasks:
                  - post: /v1/chat/completions
                    stream: opneai
                    llm: {input_tokens: usage, inputs: $.x}
                    model: gpt-4o-mni
                    cache_hit: {header: "X Cache"}
                  - post: /v1/x
                    stream: {kind: chunked, event: token, content: x, terminator: [DONE], idle_timeout: 30}
                    llm: openaii
                  - post: /v1/y
                    stream: true
                    model: "${model}"
                  - post: /v1/z
                    stream: {event: token}
                    cache_hit: {equals: HIT, jsn: $.x}
                  - post: /v1/w
                    stream: openai
                    json: {model: gpt-4o-mini, stream: false}
                    llm: {}
                  - post: /v1/v
                    stream: [openai]
                    llm: [openai]
                    model: ""
                    cache_hit: $.cached
                  - post: /v1/u
                    stream: {kind: sse, idle_timeout: 0s, content: [x], idle: 1s}
                """))
        .containsExactly(
            "5:13 stream: expected sse, openai or chunked, found 'opneai' (did you mean"
                + " 'openai'?)",
            "6:25 llm.input_tokens: expected a JSONPath like $.choices[0].message.content, found"
                + " 'usage'",
            "6:32 unknown key 'inputs' in the token paths of llm; expected one of: content,"
                + " input_tokens, output_tokens",
            "7:12 no price for model 'gpt-4o-mni' (did you mean 'gpt-4o-mini'?); prices:"
                + " gpt-4o-mini, default",
            "8:25 cache_hit.header: expected a header name like X-Cache, found \"X Cache\" (quoted"
                + " text)",
            "10:29 stream.event goes with sse and openai streams; a chunked body has no event"
                + " names",
            "10:52 stream.content: expected a JSONPath like $.choices[0].message.content, found"
                + " 'x'",
            "10:67 stream.terminator: expected the data that ends a complete stream, quoted, like"
                + " \"[DONE]\", found a list",
            "10:89 stream.idle_timeout: expected a duration like 30s, found '30'",
            "11:10 llm: expected openai, or a mapping of JSONPaths like {input_tokens:"
                + " $.usage.input_tokens, output_tokens: $.usage.output_tokens, content: $.text},"
                + " found 'openaii' (did you mean 'openai'?)",
            "13:13 stream: expected sse, openai or chunked (how to read the answer), found 'true';"
                + " to ask for a streamed answer, put stream: true in the json body",
            "14:12 model: names a price row as written; templates are not expanded here",
            "16:13 a stream needs kind: sse, openai or chunked, like {kind: sse, content: $.text}",
            "17:16 cache_hit: expected exactly one of json or header, found none",
            "17:30 unknown key 'jsn' in a cache-hit rule like {json: $.cached} or {header: X-Cache,"
                + " equals: HIT} (did you mean 'json'?)",
            "19:13 stream: reads a streamed answer, but the json body asks for none (stream:"
                + " false)",
            "21:10 llm: expected at least one of input_tokens, output_tokens and content, found an"
                + " empty mapping",
            "23:13 stream: expected sse, openai or chunked, or a mapping like {kind: sse, event:"
                + " token, content: $.text}, found a list",
            "24:10 llm: expected openai, or a mapping of JSONPaths like {input_tokens:"
                + " $.usage.input_tokens, output_tokens: $.usage.output_tokens, content: $.text},"
                + " found a list",
            "25:12 model: expected the name of a price row, like gpt-4o-mini, found \"\" (quoted"
                + " text)",
            "26:16 cache_hit: expected a cache-hit rule like {json: $.cached} or {header: X-Cache,"
                + " equals: HIT}, found '$.cached'",
            "28:39 stream.idle_timeout: expected a duration above 0, like 30s, found '0s'",
            "28:52 stream.content: expected a JSONPath like $.choices[0].message.content, found a"
                + " list",
            "28:57 unknown key 'idle' in a stream (did you mean 'idle_timeout'?)");
  }

  @Test
  void streamingAndTokenThresholdsAreAcceptedWhereTheScenarioMeasuresThem() {
    Scenario s =
        load(
            """
            llm:
              prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}
            tasks:
              - post: /v1/chat/completions
                stream: openai
                cache_hit: {json: $.cached}
            thresholds:
              - ttft_p95 < 500ms
              - itl_p99 < 50ms
              - tpot_p50 < 30ms
              - ttfb_p95 < 300ms
              - tokens_per_s_p50 > 20
              - output_tokens_per_s > 100
              - input_tokens > 0
              - output_tokens >= 1000
              - cache_hit_rate > 20%
              - cost < $5
              - cost_per_request < $0.001
            """);
    assertThat(s.thresholds()).hasSize(11);
  }

  @Test
  void streamingAndTokenThresholdsNeedAScenarioThatMeasuresThem() {
    assertThat(
            problems(
                """
                tasks:
                  - get: /v1/models
                thresholds:
                  - ttft_p95 < 1s
                  - {expr: itl_p99 < 100ms, endpoint: /v1/models}
                  - tpot_p50 < 20ms
                  - ttfb_p95 < 1s
                  - tokens_per_s_p50 > 10
                  - output_tokens_per_s > 1
                  - input_tokens > 1
                  - cost < $1
                  - cache_hit_rate > 10%
                grades: [CHEAP: cost_per_request < $0.01, DEAR]
                phases:
                  - load: {users: 1}
                    thresholds: [output_tokens > 1]
                    grades: [FAST: ttft_p50 < 1s, SLOW]
                """))
        .containsExactly(
            "4:5 ttft_p95 is measured on streamed answers, so it needs a request with stream:"
                + " openai, sse or chunked, or a ws_await with stream: tokens",
            "5:5 itl_p99 is measured on streamed answers, so it needs a request with stream:"
                + " openai, sse or chunked, or a ws_await with stream: tokens",
            "6:5 tpot_p50 is measured on streamed answers, so it needs a request with stream:"
                + " openai, sse or chunked, or a ws_await with stream: tokens",
            "7:5 ttfb_p95 is measured on the answers Horde reads for tokens or cache hits, so it"
                + " needs a request with stream, llm, model or cache_hit",
            "8:5 tokens_per_s_p50 counts the tokens of answers, so it needs a request with stream,"
                + " llm or model, or a ws_await with stream: tokens",
            "9:5 output_tokens_per_s counts the tokens of answers, so it needs a request with"
                + " stream, llm or model, or a ws_await with stream: tokens",
            "10:5 input_tokens counts the tokens of answers, so it needs a request with stream,"
                + " llm or model",
            "11:5 cost is priced from llm.prices, so it needs prices, like llm: {prices:"
                + " {gpt-4o-mini: {input: 0.15, output: 0.60}}}",
            "12:5 cache_hit_rate needs a cache-hit rule: cache_hit: {json: $.cached} or {header:"
                + " X-Cache, equals: HIT}, on a request or under llm",
            "13:10 cost_per_request is priced from llm.prices, so it needs prices, like llm:"
                + " {prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}}",
            "16:18 output_tokens counts the tokens of answers, so it needs a request with stream,"
                + " llm or model, or a ws_await with stream: tokens",
            "17:14 ttft_p50 is measured on streamed answers, so it needs a request with stream:"
                + " openai, sse or chunked, or a ws_await with stream: tokens");
  }

  @Test
  void aScenarioWideRuleOrPricesAloneSatisfyTheirOwnMetricsOnly() {
    assertThat(
            problems(
                """
                llm:
                  prices: {default: {per_request: 0.01}}
                  cache_hit: {header: X-Cache}
                tasks: [get: /]
                thresholds: [cache_hit_rate > 1%, ttfb_p95 < 1s, cost < $1, output_tokens > 1]
                """))
        .containsExactly(
            "5:50 cost is charged on the requests that track their answers, so it needs a request"
                + " with stream, llm, model or cache_hit",
            "5:61 output_tokens counts the tokens of answers, so it needs a request with stream,"
                + " llm or model, or a ws_await with stream: tokens");
  }

  /** A streamed ws_await's messages are output tokens, paced per token; it sends no prompt and is not priced. */
  @Test
  void aStreamedWebSocketAwaitHasOutputTokensButNoInputTokens() {
    assertThat(
            problems(
                """
                llm: {prices: {default: {input: 1, output: 2}}}
                users:
                  - name: u
                    on_start: [{ws: /chat}]
                    tasks:
                      - steps:
                          - ws_send: {text: hi}
                          - ws_await: {contains: done}
                            stream: tokens
                thresholds: [output_tokens > 1, tokens_per_s_p50 > 1, tpot_p50 < 1s, input_tokens > 1, cost < $1]
                """))
        .containsExactly(
            "10:70 input_tokens counts the tokens of answers, so it needs a request with stream, llm or model",
            "10:88 cost is charged on the requests that track their answers, so it needs a request with stream, llm,"
                + " model or cache_hit");
  }
}
