package horde.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonPathTest {
  static final JsonNode DOC = JsonMapper.builder().build().readTree("""
      {"id": "top", "choices": [{"message": {"content": "hi", "role": "assistant"}}],
       "data": {"items": [{"name": "a"}, {"name": "b", "id": 7}], "a b": true},
       "usage": {"prompt_tokens": 12}}""");

  static String at(String path) {
    JsonNode n = JsonPath.compile(path).find(DOC);
    return n == null ? null : JsonPath.text(n);
  }

  @Test
  void fieldsIndexesAndQuotedNames() {
    assertThat(at("$.choices[0].message.content")).isEqualTo("hi");
    assertThat(at("$.data.items[-1].name")).isEqualTo("b");
    assertThat(at("$['data']['a b']")).isEqualTo("true");
    assertThat(at("$.usage.prompt_tokens")).isEqualTo("12");
    assertThat(at("$.missing.deeper")).isNull();
    assertThat(at("$.choices[5]")).isNull();
  }

  @Test
  void wildcardsAndDeepScanTakeTheFirstMatchInDocumentOrder() {
    assertThat(at("$.data.items[*].name")).isEqualTo("a");
    assertThat(at("$.data.items.*.id")).isEqualTo("7");
    assertThat(at("$..id")).isEqualTo("top");
    assertThat(at("$.data..id")).isEqualTo("7");
    assertThat(at("$..content")).isEqualTo("hi");
    assertThat(at("$..nowhere")).isNull();
  }

  @Test
  void mistakesSayWhere() {
    assertThatThrownBy(() -> JsonPath.compile("id")).hasMessageContaining("starts with $");
    assertThatThrownBy(() -> JsonPath.compile("$.a[?(@.x)]")).hasMessageContaining("filters are not supported");
    assertThatThrownBy(() -> JsonPath.compile("$..")).hasMessageContaining("after '..'");
  }
}
