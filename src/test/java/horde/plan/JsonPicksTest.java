package horde.plan;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.JsonExpectation;
import horde.template.BoundTemplate;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON checks and saves read in one pass over the body ({@link JsonPicks}, {@link Picked}) answer
 * exactly as on Jackson's tree, and the pass serves plain JSON itself (it does not leave
 * everything to the tree).
 */
class JsonPicksTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static final String DOC = """
      {"a": {"b": "x", "c": [1, {"d": true}]}, "n": 7, "f": 1.5, "z": null,
       "s": "tab\\there \\"q\\" \\u00e9 \\ud83d\\ude00 \\/ \\\\", "u": "Zoë", "e": "", "big": 123456789012345678901,
       "neg": -0, "minus": -42, "t": false, "arr": [[1, 2], [3]], "0": "zero", "exp": 1e2, "obj": {}, "list": []}""";

  static final List<String> PATHS = List.of("$", "$.a", "$.a.b", "$.a.c[0]", "$.a.c[1].d", "$.a.c[5]", "$.n", "$.f",
      "$.z", "$.s", "$.u", "$.e", "$.big", "$.neg", "$.minus", "$.t", "$.missing", "$.a.b.deeper", "$.z.deeper",
      "$.arr[0][1]", "$.arr[1][0]", "$[0].a", "$[1].a", "$[0]", "$['a']['b']", "$.a['c'][1]", "$.0", "$.exp",
      "$.obj", "$.list", "$.n[0]", "$.a.c.d");

  static final List<JsonExpectation> EXPECTATIONS = List.of(new JsonExpectation.Present(), new JsonExpectation.Absent(),
      new JsonExpectation.EqualTo("x"), new JsonExpectation.EqualTo(7), new JsonExpectation.EqualTo(7L),
      new JsonExpectation.EqualTo(7.0), new JsonExpectation.EqualTo(1.5), new JsonExpectation.EqualTo(-42),
      new JsonExpectation.EqualTo(0), new JsonExpectation.EqualTo(true), new JsonExpectation.EqualTo(false),
      new JsonExpectation.EqualTo(null), new JsonExpectation.EqualTo(""), new JsonExpectation.EqualTo("Zoë"),
      new JsonExpectation.EqualTo("tab\there \"q\" é \uD83D\uDE00 / \\"), new JsonExpectation.EqualTo("zero"),
      new JsonExpectation.EqualTo(new BigInteger("123456789012345678901")), new JsonExpectation.EqualTo(100),
      new JsonExpectation.OneOf(List.of("y", 7, true)), new JsonExpectation.OneOf(List.of("nope", "x")));

  /** Plain JSON the pass reads itself. */
  static final List<String> PLAIN = List.of(DOC,
      "{\"a\": {\"b\": \"first\"}, \"a\": {\"c\": [9]}}", // a member named twice: the last one counts
      "{\"a\": 1, \"a\": {\"b\": \"x\"}}", "{\"a\": {\"b\": \"x\"}, \"a\": 3}", "{\"n\": 7, \"n\": null}",
      "[{\"a\": 1}, {\"a\": \"x\"}]", "\"x\"", "7", "null", "true", "[]", "{}",
      " \n\t{\"a\" : {\"b\" :\"x\" } , \"n\":7 }\r\n ",
      "{\"q\": {\"\\u0062\": 1}, \"a\": {\"b\": \"x\"}}", // an escaped name where no path looks at names
      "{\"a\": {\"b\": \"\\u0078\"}, \"s\": \"\\ud800 lone\"}", "{\"u\": \"Zo\u00eb \u4e2d \uD83D\uDE00\"}");

  /** Not plain JSON, or JSON the pass leaves to the tree: the tree decides, as before. */
  static final List<byte[]> ODD = odd();

  private static List<byte[]> odd() {
    List<byte[]> out = new ArrayList<>();
    for (String s : List.of("", "   ", "{\"a\":1", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1} x", "{\"a\":1}{\"a\":2}",
        "{'a':1}", "{\"a\":\"\u0001\"}", "{\"a\":tru}", "[1 2]", "{\"a\" 1}", "NaN", "{\"a\":\"\\q\"}", "{\"a\":-}",
        "{\"a\":1.}", "{\"a\":1e}", "{\"a\":.5}", "{\"a\":+1}", "{\"\\u0061\": {\"b\": \"x\"}}", "{\"a\":\"\\u12\"}",
        "/* c */ {\"a\":1}", "{\"a\":[1,]}", "[", "]", "{\"a\":nulls}", "\"open", "{\"a\":\"x\"}\u0000",
        "{\"n\": 1" + "0".repeat(2000) + "}", "[".repeat(100) + "]".repeat(100), "[".repeat(600) + "]".repeat(600))) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }
    out.add(bytes(0xEF, 0xBB, 0xBF, '{', '"', 'a', '"', ':', '1', '}')); // a byte-order mark
    out.add("{\"a\": {\"b\": \"x\"}}".getBytes(StandardCharsets.UTF_16BE)); // another encoding
    out.add(bytes('{', '"', 'a', '"', ':', '"', 0xC3, 0x28, '"', '}')); // a broken UTF-8 sequence
    out.add(bytes('{', '"', 'a', '"', ':', '"', 0xC0, 0xAF, '"', '}')); // an overlong one
    out.add(bytes('{', '"', 'a', '"', ':', '"', 0xED, 0xA0, 0x80, '"', '}')); // a surrogate in UTF-8
    return out;
  }

  private static byte[] bytes(int... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int v : values) out.write(v);
    return out.toByteArray();
  }

  /** An answer's body as checks and saves see it: the tree as the engine makes it, the pass on demand. */
  static final class Body implements ResponseView {
    final byte[] bytes;
    final Picked picked = new Picked();
    private JsonNode json;
    private boolean parsed;

    Body(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String header(String name) {
      return null;
    }

    @Override
    public String bodyText() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public JsonNode json() {
      if (!parsed) {
        parsed = true;
        try {
          json = bytes.length == 0 ? null : MAPPER.readTree(bytes, 0, bytes.length);
        } catch (JacksonException e) {
          json = null;
        }
      }
      return json;
    }

    @Override
    public long latencyNanos() {
      return 0;
    }

    @Override
    public Picked picked(JsonPicks picks) {
      return picked.read(picks, bytes, bytes.length) ? picked : null;
    }
  }

  static CheckPlan check(String path, JsonExpectation expect) {
    return new CheckPlan(new Check.JsonField(path, expect), JsonPath.compile(path), 0);
  }

  static ExtractPlan save(String path) {
    return new ExtractPlan(new Extract("v", Extract.Source.JSON, path, null), 0, JsonPath.compile(path), null, 0);
  }

  /** The request's checks and saves as planned: JSON ones read their paths in one pass. */
  static RequestPlan request(List<CheckPlan> checks, List<ExtractPlan> saves) {
    return RequestPlan.of(0, "GET", BoundTemplate.literal("/"), List.of(), List.of(), null, 1, checks, saves,
        new boolean[600], null, 0);
  }

  /**
   * Every check and save on every path, planned as the engine plans them, against the same checks
   * and saves on the tree: one request with them all, one per path and one per check.
   */
  private static void sameAsTheTree(byte[] doc) {
    Body body = new Body(doc);
    String shown = new String(doc, StandardCharsets.UTF_8);
    List<CheckPlan> checks = new ArrayList<>();
    List<ExtractPlan> saves = new ArrayList<>();
    for (String p : PATHS) {
      List<CheckPlan> onPath = EXPECTATIONS.stream().map(e -> check(p, e)).toList();
      checks.addAll(onPath);
      saves.add(save(p));
      same(request(onPath, List.of(save(p))), onPath, List.of(save(p)), body, shown);
      for (CheckPlan c : onPath) same(request(List.of(c), List.of()), List.of(c), List.of(), body, shown);
    }
    same(request(checks, saves), checks, saves, body, shown);
  }

  private static void same(RequestPlan picking, List<CheckPlan> checks, List<ExtractPlan> saves, Body body, String shown) {
    assertThat(picking.checks()).allMatch(c -> c.picks() != null);
    assertThat(picking.saves()).allMatch(c -> c.picks() != null);
    for (int i = 0; i < checks.size(); i++) {
      assertThat(picking.checks().get(i).holds(body)).as("%s on %s", checks.get(i).check().describe(), shown)
          .isEqualTo(checks.get(i).holds(body));
    }
    for (int i = 0; i < saves.size(); i++) {
      assertThat(picking.saves().get(i).find(body)).as("save %s on %s", saves.get(i).path(), shown)
          .isEqualTo(saves.get(i).find(body));
    }
  }

  @Test
  void plainJsonIsReadInOnePassWithTheTreesAnswers() {
    for (String doc : PLAIN) sameAsTheTree(doc.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plainJsonIsReadWithoutTheTreeWhereOnlyPresenceIsAsked() {
    List<CheckPlan> presence = new ArrayList<>();
    for (String p : PATHS) {
      presence.add(check(p, new JsonExpectation.Present()));
      presence.add(check(p, new JsonExpectation.Absent()));
    }
    JsonPicks picks = request(presence, List.of()).checks().get(0).picks();
    for (String doc : PLAIN) assertThat(new Body(doc.getBytes(StandardCharsets.UTF_8)).picked(picks)).as(doc).isNotNull();
    for (byte[] doc : ODD) assertThat(new Body(doc).picked(picks)).as(new String(doc, StandardCharsets.UTF_8)).isNull();
  }

  @Test
  void oddOrInvalidBodiesGetTheTreesAnswers() {
    for (byte[] doc : ODD) sameAsTheTree(doc);
  }

  @Test
  void thePassServesPlainJsonItself() {
    List<CheckPlan> checks = List.of(check("$.a.b", new JsonExpectation.EqualTo("x")), check("$.n", new JsonExpectation.EqualTo(7)),
        check("$.z", new JsonExpectation.Present()), check("$.missing", new JsonExpectation.Absent()),
        check("$.a.c[1].d", new JsonExpectation.EqualTo(true)), check("$.t", new JsonExpectation.EqualTo(false)));
    List<ExtractPlan> saves = List.of(save("$.s"), save("$.a.b"), save("$.n"), save("$.minus"), save("$.neg"), save("$.u"),
        save("$.z"), save("$.missing"), save("$.a.c[0]"), save("$.arr[1][0]"));
    RequestPlan r = request(checks, saves);
    Body body = new Body(DOC.getBytes(StandardCharsets.UTF_8));
    assertThat(body.picked(r.checks().get(0).picks())).as("read without a tree").isNotNull();
    assertThat(r.checks()).allMatch(c -> c.holds(body));
    assertThat(r.saves().stream().map(e -> e.find(body)).toList()).containsExactly(
        "tab\there \"q\" é \uD83D\uDE00 / \\", "x", "7", "-42", "0", "Zoë", null, null, "1", "3");
  }

  @Test
  void aPathBothCheckedAndSavedIsReadOnceForBoth() {
    RequestPlan r = request(List.of(check("$.user.name", new JsonExpectation.EqualTo("Zoë \"Z\""))), List.of(save("$.user.name")));
    assertThat(r.saves().get(0).picks()).isSameAs(r.checks().get(0).picks());
    assertThat(r.saves().get(0).pick()).isNotEqualTo(r.checks().get(0).pick());
    Body body = new Body("{\"user\": {\"name\": \"Zo\u00eb \\\"Z\\\"\"}}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.checks().get(0).holds(body)).isTrue();
    assertThat(r.saves().get(0).find(body)).isEqualTo("Zoë \"Z\"");
  }

  @Test
  void invalidJsonFailsChecksAndSavesAsBefore() {
    RequestPlan r = request(List.of(check("$.a", new JsonExpectation.Present()), check("$.b", new JsonExpectation.Absent())),
        List.of(save("$.a")));
    Body body = new Body("{\"a\": 1,}".getBytes(StandardCharsets.UTF_8));
    assertThat(body.picked(r.checks().get(0).picks())).isNull();
    assertThat(r.checks().get(0).holds(body)).isFalse();
    assertThat(r.checks().get(1).holds(body)).as("absent needs a JSON body").isFalse();
    assertThat(r.saves().get(0).find(body)).isNull();
  }

  @Test
  void aValueOnlyTheTreeGivesIsLeftToTheTree() {
    RequestPlan r = request(List.of(check("$.f", new JsonExpectation.EqualTo(1.5))), List.of(save("$.a")));
    Body body = new Body(DOC.getBytes(StandardCharsets.UTF_8));
    assertThat(body.picked(r.checks().get(0).picks())).as("a fraction compared, an object saved").isNull();
    assertThat(r.checks().get(0).holds(body)).isTrue();
    assertThat(r.saves().get(0).find(body)).isEqualTo("{\"b\":\"x\",\"c\":[1,{\"d\":true}]}");
    RequestPlan presence = request(List.of(check("$.f", new JsonExpectation.Present()), check("$.a", new JsonExpectation.Present())),
        List.of());
    assertThat(body.picked(presence.checks().get(0).picks())).as("presence alone needs no value").isNotNull();
  }

  @Test
  void pathsThePassCannotFollowKeepTheTree() {
    for (String p : List.of("$..id", "$.items[*].id", "$.items.*", "$.items[-1]")) {
      assertThat(request(List.of(check(p, new JsonExpectation.Present())), List.of()).checks().get(0).picks()).as(p).isNull();
    }
    RequestPlan mixed = request(List.of(check("$.a", new JsonExpectation.Present())), List.of(save("$..id")));
    assertThat(mixed.checks().get(0).picks()).as("one wildcard keeps the whole request on the tree").isNull();
  }
}
