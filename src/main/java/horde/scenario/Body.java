package horde.scenario;

import java.util.Map;

/** What a request sends. */
public sealed interface Body {
  Body NONE = new None();

  record None() implements Body {}

  /**
   * A JSON document given as a tree of maps, lists, strings, numbers, booleans and nulls. Templates
   * inside its strings are JSON-escaped when rendered, so a prompt with quotes stays valid JSON.
   */
  record Json(Object tree) implements Body {}

  /** A body sent as written (after templates), with its content type. */
  record Raw(String text, String contentType) implements Body {}

  /** {@code application/x-www-form-urlencoded} fields; values may hold templates. */
  record Form(Map<String, String> fields) implements Body {
    public Form {
      fields = Maps.ordered(fields);
    }
  }
}
