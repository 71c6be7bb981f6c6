package horde.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions}, OpenAI-compatible, and {@code GET /v1/models}. Reads {@code
 * model}, {@code messages}, {@code max_tokens} (or {@code max_completion_tokens}), {@code stream}
 * and {@code stream_options.include_usage}; answers one {@code chat.completion}, or a stream of
 * {@code chat.completion.chunk} events (see {@link ChatStream}).
 */
final class ChatCompletions {
  /** The model name answered when a request names none. */
  static final String MODEL = "horde-sim-1";

  private final Inference inference;
  private final Dice dice;

  ChatCompletions(Inference inference, Dice dice) {
    this.inference = inference;
    this.dice = dice;
  }

  void models(Exchange ex) {
    ObjectNode root = Json.object().put("object", "list");
    root.putArray("data")
        .addObject()
        .put("id", MODEL)
        .put("object", "model")
        .put("created", 1_700_000_000L)
        .put("owned_by", "horde");
    ex.reply(HttpResponseStatus.OK, root);
  }

  void complete(Exchange ex) {
    JsonNode req = ex.json(true);
    if (req == null) return;
    JsonNode messages = req.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      invalid(ex, "'messages' must be a non-empty array");
      return;
    }
    JsonNode limit = req.has("max_completion_tokens") ? req.get("max_completion_tokens") : null;
    if (limit == null) limit = req.get("max_tokens");
    int maxTokens = 0;
    if (limit != null && !limit.isNull()) {
      if (!limit.isIntegralNumber() || limit.asLong(0) < 1) {
        invalid(ex, "'max_tokens' must be a positive integer");
        return;
      }
      maxTokens = (int) Math.min(Integer.MAX_VALUE, limit.asLong(0));
    }
    String model = Json.text(req, "model", MODEL);
    int prompt = promptTokens(messages);
    int natural = inference.drawLength(ex.random());
    int count = maxTokens > 0 ? Math.min(natural, maxTokens) : natural;
    String finishReason = count < natural ? "length" : "stop";
    String[] tokens = Prose.tokens(ex.random(), count);
    String id = dice.id("chatcmpl-");
    long created = Instant.now().getEpochSecond();
    if (req.path("stream").asBoolean(false)) {
      boolean usage = req.path("stream_options").path("include_usage").asBoolean(false);
      ChatStream stream =
          new ChatStream(ex, id, created, model, tokens, prompt, finishReason, usage);
      inference.generate(ex, prompt, count, true, stream);
      return;
    }
    inference.generate(
        ex,
        prompt,
        count,
        false,
        () ->
            ex.reply(
                HttpResponseStatus.OK, body(id, created, model, tokens, prompt, finishReason)));
  }

  private static ObjectNode body(
      String id, long created, String model, String[] tokens, int prompt, String finishReason) {
    ObjectNode root =
        Json.object()
            .put("id", id)
            .put("object", "chat.completion")
            .put("created", created)
            .put("model", model);
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", Prose.join(tokens));
    choice.put("finish_reason", finishReason);
    root.set("usage", Json.usage(prompt, tokens.length));
    return root;
  }

  /**
   * Prompt tokens: the words of every message's content, whether a string or an array of {@code
   * {type: text, text}} parts.
   */
  static int promptTokens(JsonNode messages) {
    int count = 0;
    for (JsonNode message : messages) {
      JsonNode content = message.path("content");
      if (content.isString()) count += Prose.countTokens(content.stringValue());
      else if (content.isArray()) {
        for (JsonNode part : content) count += Prose.countTokens(Json.text(part, "text", ""));
      }
    }
    return count;
  }

  private static void invalid(Exchange ex, String message) {
    ex.fail(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", message);
  }
}
