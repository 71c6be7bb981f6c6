package horde.importer;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A request body as a scenario writes it; every string in it is template text. */
public sealed interface Body {
  /** No body. */
  record None() implements Body {}

  /** {@code json:}: a JSON value whose strings are templates. */
  record Json(JsonNode value) implements Body {}

  /** {@code form:}: URL-encoded fields, names unique, in order. */
  record Form(List<Header> fields) implements Body {}

  /** {@code body:} sent as written, with {@code content_type:}. */
  record Text(String text, String contentType) implements Body {}

  Body NONE = new None();
}
