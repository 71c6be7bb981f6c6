package horde.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small endpoints for agent-style examples: register an agent, ask it (or the backend) a
 * natural-language question, read the capabilities and the cost dashboard. Questions are
 * generations through the capacity model, like chat completions, but never cached.
 */
final class Agents {
  /** Agents kept; the oldest beyond this is forgotten (its id then answers 404). */
  static final int KEPT = 10_000;

  /** Prices per million tokens, US dollars, for the cost dashboard. */
  static final double INPUT_PRICE = 0.50;

  static final double OUTPUT_PRICE = 1.50;

  private final SimulatorOptions options;
  private final Inference inference;
  private final Metrics metrics;
  private final Dice dice;
  private final RecentMap<String> names = new RecentMap<>(KEPT, false);

  Agents(SimulatorOptions options, Inference inference, Metrics metrics, Dice dice) {
    this.options = options;
    this.inference = inference;
    this.metrics = metrics;
    this.dice = dice;
  }

  /** {@code GET /api/capabilities}. */
  void capabilities(Exchange ex) {
    ObjectNode root =
        Json.object().put("name", "horde-simulator").put("model", ChatCompletions.MODEL);
    root.putArray("features")
        .add("chat")
        .add("streaming")
        .add("conversations")
        .add("rag")
        .add("jobs")
        .add("agents");
    root.putObject("limits")
        .put("concurrent_generations", options.capacity())
        .put("queue", options.queue())
        .put("tokens_per_second", options.tokensPerSecond());
    ex.reply(HttpResponseStatus.OK, root);
  }

  /** {@code POST /api/agents} with an optional {@code {name}}: 201 {agent_id, name}. */
  void create(Exchange ex) {
    JsonNode body = ex.json(false);
    if (body == null) return;
    String id = dice.id("agent_");
    String name = Json.text(body, "name", "agent");
    names.put(id, name);
    ex.reply(
        HttpResponseStatus.CREATED,
        Json.object().put("agent_id", id).put("name", name).put("created", now()));
  }

  /** {@code POST /api/agents/{id}/query} with {@code {query}}. */
  void ask(Exchange ex) {
    if (names.get(ex.id()) == null) {
      ex.fail(HttpResponseStatus.NOT_FOUND, "not_found", "no agent '" + ex.id() + "'");
      return;
    }
    query(ex);
  }

  /** {@code POST /api/query} with {@code {query}}: an answer with its usage. */
  void query(Exchange ex) {
    JsonNode body = ex.json(true);
    if (body == null) return;
    String query = Json.text(body, "query", null);
    if (query == null || query.isBlank()) {
      ex.fail(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", "'query' is required");
      return;
    }
    int prompt = Prose.countTokens(query);
    String[] tokens = Prose.tokens(ex.random(), inference.drawLength(ex.random()));
    inference.generate(
        ex,
        prompt,
        tokens.length,
        false,
        () -> {
          ObjectNode root = Json.object().put("id", dice.id("ans_"));
          if (ex.id() != null) root.put("agent_id", ex.id());
          root.put("answer", Prose.join(tokens));
          root.set("usage", Json.usage(prompt, tokens.length));
          ex.reply(HttpResponseStatus.OK, root);
        });
  }

  /** {@code GET /api/costs}: tokens so far, priced, and what the answer cache saved. */
  void costs(Exchange ex) {
    long in = metrics.promptTokens.sum();
    long out = metrics.tokensGenerated.sum();
    long cached = metrics.tokensFromCache.sum();
    ObjectNode root = Json.object().put("currency", "USD");
    root.putObject("price_per_million_tokens")
        .put("input", INPUT_PRICE)
        .put("output", OUTPUT_PRICE);
    root.put("prompt_tokens", in)
        .put("completion_tokens", out)
        .put("cached_completion_tokens", cached)
        .put("cost", dollars(in * INPUT_PRICE + out * OUTPUT_PRICE))
        .put("cache_savings", dollars(cached * OUTPUT_PRICE));
    ex.reply(HttpResponseStatus.OK, root);
  }

  /** Token count × price per million, rounded to a millionth of a dollar. */
  private static double dollars(double tokensTimesPrice) {
    return Math.round(tokensTimesPrice) / 1e6;
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
