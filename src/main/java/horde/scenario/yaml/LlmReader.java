package horde.scenario.yaml;

import horde.scenario.CacheHit;
import horde.scenario.LlmSettings;
import horde.scenario.Price;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the top-level {@code llm} section: how tokens are counted where an answer reports none,
 * what each model costs, and how every answer marks a cache hit.
 *
 * <pre>{@code
 * llm:
 *   tokenizer: o200k_base
 *   prices:
 *     gpt-4o-mini: {input: 0.15, output: 0.60}    # dollars per million tokens
 *     default: {per_request: 0.001}
 *   cache_hit: {json: $.cached}
 * }</pre>
 */
final class LlmReader {
  static final Set<String> KEYS = Set.of("tokenizer", "prices", "cache_hit");
  static final Set<String> PRICE_KEYS = Set.of("input", "output", "per_request", "cached_input");
  private static final String PRICE =
      "a price like {input: 0.15, output: 0.60} (dollars per million tokens) or {per_request:"
          + " 0.001}";

  private final Problems p;
  private final Set<String> rows = new LinkedHashSet<>();
  private boolean cacheHit;

  LlmReader(Problems problems) {
    this.p = problems;
  }

  /** The names of the price rows as written, even those with a problem in their values. */
  Set<String> rows() {
    return rows;
  }

  /** Whether the section has a {@code cache_hit} rule. */
  boolean cacheHit() {
    return cacheHit;
  }

  /** The settings, null when {@code node} is (no section) or after a problem. */
  LlmSettings read(Node node) {
    if (node == null) return null;
    Fields f =
        Fields.of(p, node, "llm", "a mapping with tokenizer, prices and cache_hit", KEYS);
    if (f == null) return null;
    cacheHit = f.has("cache_hit");
    String tokenizer = f.has("tokenizer") ? tokenizer(f.get("tokenizer")) : null;
    Map<String, Price> prices = f.has("prices") ? prices(f.get("prices")) : Map.of();
    CacheHit cache =
        f.has("cache_hit") ? CacheHitReader.read(p, f.get("cache_hit"), "cache_hit") : null;
    if ((f.has("tokenizer") && tokenizer == null)
        || prices == null
        || (f.has("cache_hit") && cache == null)) return null;
    return p.build(node, () -> new LlmSettings(tokenizer, prices, cache));
  }

  private String tokenizer(Node node) {
    String text =
        Values.nonEmpty(
            p, node, "tokenizer", "a tokenizer like cl100k_base, o200k_base or chars:4");
    if (text == null) return null;
    String problem = LlmSettings.tokenizerProblem(text);
    if (problem == null) return text;
    p.add(node, problem);
    return null;
  }

  /** The rows in YAML order, or null after a problem. */
  private Map<String, Price> prices(Node node) {
    if (!(node instanceof MappingNode m)) {
      Values.expected(
          p,
          node,
          "prices",
          "a mapping of model names to prices, like {gpt-4o-mini: {input: 0.15}}");
      return null;
    }
    Map<String, Price> out = new LinkedHashMap<>();
    boolean ok = true;
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) continue; // reported by Structure
      String model = key.getValue();
      if (model.isBlank()) {
        p.add(key, "prices: a model name may not be empty");
        ok = false;
        continue;
      }
      rows.add(model);
      Price price = price(t.getValueNode(), "prices." + model);
      if (price == null) ok = false;
      else out.putIfAbsent(model, price);
    }
    return ok ? out : null;
  }

  private Price price(Node node, String label) {
    Fields f = Fields.of(p, node, label, PRICE, PRICE_KEYS);
    if (f == null) return null;
    if (f.node().getValue().isEmpty()) {
      Values.expected(p, node, label, PRICE);
      return null;
    }
    Double in = f.has("input") ? dollars(f.get("input"), label + ".input") : Double.valueOf(0);
    Double out = f.has("output") ? dollars(f.get("output"), label + ".output") : Double.valueOf(0);
    Double each =
        f.has("per_request")
            ? dollars(f.get("per_request"), label + ".per_request")
            : Double.valueOf(0);
    Double cached =
        f.has("cached_input")
            ? dollars(f.get("cached_input"), label + ".cached_input")
            : Double.valueOf(Double.NaN);
    if (in == null || out == null || each == null || cached == null || f.keys().isEmpty()) return null;
    return p.build(node, () -> new Price(in, out, each, cached));
  }

  /** A number of dollars, 0 or more. */
  private Double dollars(Node node, String label) {
    Double d =
        Nodes.isInt(node) || Nodes.isFloat(node)
            ? Nodes.decimal(((ScalarNode) node).getValue())
            : null;
    if (d != null && d >= 0 && !d.isInfinite()) return d;
    Values.expected(p, node, label, "a number of dollars, 0 or more, like 0.15");
    return null;
  }
}
