package horde.engine;

import horde.plan.ResponseView;
import tools.jackson.databind.JsonNode;

/** A received WebSocket message as checks and saves see it: its text is the body; it has no status or headers. */
final class WsMessage implements ResponseView {
  String text;
  long nanos;
  private JsonNode json;
  private boolean parsed;

  WsMessage set(String text, long nanos) {
    this.text = text;
    this.nanos = nanos;
    this.json = null;
    this.parsed = false;
    return this;
  }

  @Override
  public int status() {
    return 0;
  }

  @Override
  public String header(String name) {
    return null;
  }

  @Override
  public String bodyText() {
    return text;
  }

  @Override
  public JsonNode json() {
    if (!parsed) {
      parsed = true;
      json = Json.parse(text);
    }
    return json;
  }

  @Override
  public long latencyNanos() {
    return 0;
  }
}
