package horde.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/rag/search} with {@code {query, top_k}}: the {@code top_k} best documents, the
 * same ones every time for the same query. A response cache keyed by query and {@code top_k}
 * answers a repeat after {@code ragHitLatency} instead of {@code ragMissLatency}, marked {@code
 * cached: true}. Retrieval is not generation: it takes no slot in the capacity model.
 */
final class RagSearch {
  /** Cached queries; the least recently used beyond this is dropped. */
  static final int CACHED_QUERIES = 10_000;

  static final int DEFAULT_TOP_K = 5;
  static final int MAX_TOP_K = 50;
  private static final int PASSAGE_WORDS = 24;

  private final SimulatorOptions options;
  private final Metrics metrics;
  private final Dice dice;
  private final RecentMap<ArrayNode> cache = new RecentMap<>(CACHED_QUERIES, true);

  private final Leak leak;

  RagSearch(SimulatorOptions options, Metrics metrics, Dice dice, Leak leak) {
    this.leak = leak;
    this.options = options;
    this.metrics = metrics;
    this.dice = dice;
  }

  void search(Exchange ex) {
    JsonNode body = ex.json(true);
    if (body == null) return;
    String query = Json.text(body, "query", null);
    if (query == null || query.isBlank()) {
      ex.fail(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", "'query' is required");
      return;
    }
    JsonNode k = body.path("top_k");
    int topK = k.isMissingNode() || k.isNull() ? DEFAULT_TOP_K : k.asInt(0);
    if (!(k.isMissingNode() || k.isNull() || k.isIntegralNumber())
        || topK < 1
        || topK > MAX_TOP_K) {
      ex.fail(
          HttpResponseStatus.BAD_REQUEST,
          "invalid_request_error",
          "'top_k' must be an integer from 1 to " + MAX_TOP_K);
      return;
    }
    String key = topK + "\n" + query;
    ArrayNode cached = cache.get(key);
    long now = System.nanoTime() + leak.nanos();
    if (cached != null) {
      metrics.ragCacheHits.increment();
      ex.at(now + options.ragHitLatency().toNanos(), () -> reply(ex, cached, true));
      return;
    }
    metrics.ragCacheMisses.increment();
    ArrayNode results = results(query, topK);
    ex.at(
        now + options.ragMissLatency().toNanos(),
        () -> {
          cache.put(key, results); // stored once the search is done, as a real cache would be
          reply(ex, results, false);
        });
  }

  /** Results are shared by cached replies: built once, only read afterwards. */
  private ArrayNode results(String query, int topK) {
    SplittableRandom random = new SplittableRandom(dice.hash(query));
    ArrayNode list = Json.array();
    double score = 0.80 + 0.19 * random.nextDouble();
    for (int i = 0; i < topK; i++) {
      list.addObject()
          .put("id", "doc_" + Long.toHexString(random.nextLong() >>> 16))
          .put("score", Math.round(score * 1000) / 1000.0)
          .put("text", Prose.passage(random, PASSAGE_WORDS));
      score -= 0.02 + 0.05 * random.nextDouble();
      score = Math.max(score, 0.01);
    }
    return list;
  }

  private static void reply(Exchange ex, ArrayNode results, boolean cached) {
    ObjectNode root = Json.object();
    root.set("results", results);
    root.put("cached", cached);
    ex.reply(HttpResponseStatus.OK, root);
  }
}
