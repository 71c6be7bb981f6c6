package horde.scenario.yaml;

import horde.scenario.CacheHit;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a {@code cache_hit} rule, on a request or under the top-level {@code llm}: how an answer
 * says it was served from a cache.
 *
 * <pre>{@code
 * cache_hit: {json: $.cached}                  # the field is true
 * cache_hit: {header: X-Cache, equals: HIT}    # the header has this value
 * }</pre>
 */
final class CacheHitReader {
  static final Set<String> KEYS = Set.of("json", "header", "equals");

  private CacheHitReader() {}

  /** {@code {json: PATH}} or {@code {header: NAME}}, each with an optional {@code equals}. */
  static CacheHit read(Problems p, Node node, String label) {
    String what = "a cache-hit rule like {json: $.cached} or {header: X-Cache, equals: HIT}";
    Fields f = Fields.of(p, node, label, what, KEYS);
    if (f == null) return null;
    List<String> sources = f.present(Set.of("json", "header"));
    if (sources.size() != 1) {
      p.add(
          f.node(),
          label
              + ": expected exactly one of json or header, found "
              + (sources.isEmpty() ? "none" : "both"));
      return null;
    }
    boolean json = sources.getFirst().equals("json");
    String expression =
        json
            ? AnswerReader.jsonPath(p, f.get("json"), label + ".json")
            : header(p, f.get("header"), label);
    String equals =
        f.has("equals")
            ? Values.text(p, f.get("equals"), label + ".equals", "the value that marks a hit")
            : null;
    if (expression == null || (f.has("equals") && equals == null)) return null;
    return new CacheHit(json ? CacheHit.Source.JSON : CacheHit.Source.HEADER, expression, equals);
  }

  private static String header(Problems p, Node node, String label) {
    String name = Values.nonEmpty(p, node, label + ".header", "a header name like X-Cache");
    if (name == null || RequestReader.HEADER_NAME.matcher(name).matches()) return name;
    Values.expected(p, node, label + ".header", "a header name like X-Cache");
    return null;
  }
}
