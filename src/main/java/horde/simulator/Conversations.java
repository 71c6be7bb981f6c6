package horde.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conversation API: create a conversation, ask in it, read its history. An answer is a
 * generation through the capacity model whose prompt is the kept history plus the question, so
 * prompt tokens grow turn by turn; a share of answers ({@code cacheHitRatio}) comes from the answer
 * cache instead, after {@code cacheHitLatency} and without taking a generation slot.
 */
final class Conversations {
  /** Conversations kept; the oldest beyond this is forgotten (its id then answers 404). */
  static final int KEPT = 100_000;

  private final SimulatorOptions options;
  private final Inference inference;
  private final Metrics metrics;
  private final Dice dice;
  private final RecentMap<Conversation> byId = new RecentMap<>(KEPT, false);

  private final Leak leak;

  Conversations(SimulatorOptions options, Inference inference, Metrics metrics, Dice dice, Leak leak) {
    this.leak = leak;
    this.options = options;
    this.inference = inference;
    this.metrics = metrics;
    this.dice = dice;
  }

  /** {@code POST /api/conversations} with an optional {@code {title}}: 201 {id, title, created}. */
  void create(Exchange ex) {
    JsonNode body = ex.json(false);
    if (body == null) return;
    String title = Json.text(body, "title", "New conversation");
    Conversation c = new Conversation(dice.id("conv_"), title, now());
    byId.put(c.id, c);
    ex.reply(
        HttpResponseStatus.CREATED,
        Json.object().put("id", c.id).put("title", c.title).put("created", c.created));
  }

  /** {@code POST /api/conversations/{id}/messages} with {@code {text}}: the answer. */
  void ask(Exchange ex) {
    Conversation c = find(ex);
    if (c == null) return;
    JsonNode body = ex.json(true);
    if (body == null) return;
    String text = Json.text(body, "text", null);
    if (text == null || text.isBlank()) {
      ex.fail(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", "'text' is required");
      return;
    }
    int question = Prose.countTokens(text);
    var asked = new Conversation.Message(dice.id("msg_"), "user", text, 0, question, now());
    int prompt = c.contextTokens() + question;
    long seed = ex.random().nextLong();
    int length = inference.drawLength(ex.random());
    if (ex.random().nextDouble() < options.cacheHitRatio()) {
      metrics.answerCacheHits.increment();
      metrics.tokensFromCache.add(length);
      long at = System.nanoTime() + options.cacheHitLatency().toNanos() + leak.nanos();
      ex.at(at, () -> answer(ex, c, asked, seed, length, prompt, true));
    } else {
      metrics.answerCacheMisses.increment();
      inference.generate(
          ex, prompt, length, false, () -> answer(ex, c, asked, seed, length, prompt, false));
    }
  }

  /** Records the question with its answer, so a refused question leaves no trace. */
  private void answer(
      Exchange ex,
      Conversation c,
      Conversation.Message asked,
      long seed,
      int length,
      int prompt,
      boolean cached) {
    var m = new Conversation.Message(dice.id("msg_"), "assistant", null, seed, length, now());
    c.add(asked);
    c.add(m);
    ObjectNode root =
        Json.object()
            .put("id", m.id())
            .put("conversation_id", c.id)
            .put("answer", m.content())
            .put("cached", cached);
    root.set("usage", Json.usage(prompt, length));
    ex.reply(HttpResponseStatus.OK, root);
  }

  /** {@code GET /api/conversations/{id}/messages}: the kept messages, oldest first. */
  void history(Exchange ex) {
    Conversation c = find(ex);
    if (c == null) return;
    ObjectNode root = Json.object().put("conversation_id", c.id).put("title", c.title);
    ArrayNode list = root.putArray("messages");
    for (Conversation.Message m : c.messages()) {
      list.addObject()
          .put("id", m.id())
          .put("role", m.role())
          .put("text", m.content())
          .put("created", m.created());
    }
    ex.reply(HttpResponseStatus.OK, root);
  }

  private Conversation find(Exchange ex) {
    Conversation c = byId.get(ex.id());
    if (c == null) {
      ex.fail(HttpResponseStatus.NOT_FOUND, "not_found", "no conversation '" + ex.id() + "'");
    }
    return c;
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
