package horde.plan;

import horde.scenario.Check;
import horde.scenario.JsonExpectation;
import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A compiled check with the failure reason it counts under when it does not hold.
 *
 * @param statuses for a status check, by status 0-599: whether it is allowed (no boxing on each
 *     answer); null for other checks
 * @param picks the request's JSON paths read in one pass, when this JSON check is among them; else
 *     null, and the check reads Jackson's tree
 * @param pick this check's slot in {@code picks}
 */
public record CheckPlan(Check check, JsonPath path, int reason, boolean[] statuses, JsonPicks picks, int pick) {

  public CheckPlan(Check check, JsonPath path, int reason) {
    this(check, path, reason, check instanceof Check.Status s ? table(s.allowed()) : null, null, -1);
  }

  /** The same check, reading its path from {@code picks}' slot. */
  CheckPlan picking(JsonPicks picks, int pick) {
    return new CheckPlan(check, path, reason, statuses, picks, pick);
  }

  /** Whether this check reads the value at its path, not only whether there is one. */
  boolean readsValue() {
    return check instanceof Check.JsonField j
        && (j.expect() instanceof JsonExpectation.EqualTo || j.expect() instanceof JsonExpectation.OneOf);
  }

  private static boolean[] table(Set<Integer> allowed) {
    boolean[] out = new boolean[600];
    allowed.forEach(s -> {
      if (s >= 0 && s < out.length) out[s] = true;
    });
    return out;
  }

  public boolean needsBody() {
    return check instanceof Check.JsonField || check instanceof Check.BodyContains;
  }

  public boolean holds(ResponseView r) {
    return switch (check) {
      case Check.Status s -> r.status() >= 0 && r.status() < statuses.length && statuses[r.status()];
      case Check.BodyContains b -> r.bodyText().contains(b.text());
      case Check.Header h -> {
        String v = r.header(h.name());
        yield v != null && (h.value() == null || h.value().equals(v));
      }
      case Check.MaxLatency m -> r.latencyNanos() <= m.max().toNanos();
      case Check.JsonField j -> {
        Picked picked = picks == null ? null : r.picked(picks);
        yield picked != null ? picked.holds(pick, j.expect())
            : json(j.expect(), r.json() == null ? null : path.find(r.json()), r.json() != null);
      }
    };
  }

  private static boolean json(JsonExpectation expect, JsonNode node, boolean isJson) {
    return switch (expect) {
      case JsonExpectation.Present p -> node != null;
      case JsonExpectation.Absent a -> isJson && node == null;
      case JsonExpectation.EqualTo eq -> node != null && equal(node, eq.value());
      case JsonExpectation.OneOf any -> node != null && any.values().stream().anyMatch(v -> equal(node, v));
    };
  }

  static boolean equal(JsonNode node, Object expected) {
    return switch (expected) {
      case null -> node.isNull();
      case String s -> node.isString() && node.asString().equals(s);
      case Boolean b -> node.isBoolean() && node.asBoolean() == b;
      case Number n -> node.isNumber() && node.decimalValue().compareTo(new BigDecimal(n.toString())) == 0;
      default -> false;
    };
  }

  /** Checks that replace the default "status below 400 is success" rule. */
  static Set<Integer> statusesOf(Check c) {
    return c instanceof Check.Status s ? s.allowed() : Set.of();
  }
}
