package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** What {@link YamlText} writes reads back, through the scenario loader's YAML settings, as the same tree. */
class YamlTextTest {
  private static final Load YAML = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());

  static final List<String> TRICKY = List.of("true", "True", "NULL", "~", "yes", "off", "42", "-7", "0x1F", "0o17",
      "1e3", ".5", "1.", "+.inf", ".NaN", "1_000", "30s", "- item", "key: value", "a #comment", "#start", "ends:",
      "${conversation_id}", "/c/${id}/messages", "$${literal}", "[x]", "{a}", "a, b", "*star", "&anchor", "!tag",
      "|pipe", ">fold", "'single'", "\"double\"", "%percent", "@at", "`tick`", "?q", " leading", "trailing ", "",
      "tab\there", "new\nline", "cr\rhere", "back\\slash", "bell\u0007", "del\u007f", "nel\u0085", "ls\u2028",
      "bom\ufeff", "emoji 😀", "Grüße", "Bearer ${env.API_TOKEN:-}", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

  @Test
  void trickyStringsReadBackAsThemselvesAsValuesKeysAndInFlowMaps() {
    for (String s : TRICKY) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("plain", s);
      root.put("list", List.of(s, Map.of("k", s)));
      root.put("flow", new YamlText.Flow(Map.of("k", s)));
      if (!s.isEmpty()) root.put(s, "as a key");
      String yaml = YamlText.write(root);
      Map<?, ?> back = (Map<?, ?>) YAML.loadFromString(yaml);
      assertThat(back.get("plain")).as(yaml).isEqualTo(s);
      assertThat(back.get("list")).as(yaml).isEqualTo(List.of(s, Map.of("k", s)));
      assertThat(back.get("flow")).as(yaml).isEqualTo(Map.of("k", s));
      if (!s.isEmpty()) assertThat(back.get(s)).as(yaml).isEqualTo("as a key");
    }
  }

  @Test
  void randomStringsReadBackAsThemselves() {
    SplittableRandom random = new SplittableRandom(15);
    String alphabet = "ab1 :#-{}[],&*!|>'\"%@`?$\\\t\n.+~=/éø😀";
    int[] points = alphabet.codePoints().toArray();
    for (int n = 0; n < 2000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) b.appendCodePoint(points[random.nextInt(points.length)]);
      String s = b.toString();
      String yaml = YamlText.write(Map.of("v", s, "l", List.of(s)));
      Map<?, ?> back = (Map<?, ?>) YAML.loadFromString(yaml);
      assertThat(back.get("v")).as(yaml).isEqualTo(s);
      assertThat(back.get("l")).as(yaml).isEqualTo(List.of(s));
    }
  }

  @Test
  void scalarsKeepTheirTypesAndStructuresNest() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("whole", 3);
    root.put("decimal", new java.math.BigDecimal("0.899"));
    root.put("tiny", 1.0E-5);
    root.put("yes", true);
    root.put("nothing", null);
    root.put("empty map", Map.of());
    root.put("empty list", List.of());
    List<Object> nested = new ArrayList<>();
    nested.add(List.of(1, List.of("deep")));
    nested.add(new YamlText.Commented(List.of("a comment", ""), Map.of("a", 1)));
    root.put("nested", nested);
    root.put("commented", new YamlText.Commented(List.of("above the key"), "value"));
    String yaml = YamlText.write(root);
    Map<?, ?> back = (Map<?, ?>) YAML.loadFromString(yaml);
    assertThat(back.get("whole")).isEqualTo(3);
    assertThat(back.get("decimal")).isEqualTo(0.899);
    assertThat(back.get("tiny")).isEqualTo(1.0E-5);
    assertThat(back.get("yes")).isEqualTo(true);
    assertThat(back.containsKey("nothing") && back.get("nothing") == null).isTrue();
    assertThat(back.get("empty map")).isEqualTo(Map.of());
    assertThat(back.get("empty list")).isEqualTo(List.of());
    assertThat(back.get("nested")).isEqualTo(List.of(List.of(1, List.of("deep")), Map.of("a", 1)));
    assertThat(back.get("commented")).isEqualTo("value");
    assertThat(yaml).contains("# a comment\n  #\n  - a: 1").contains("# above the key\ncommented: value");
  }
}
