package horde.plan;

import tools.jackson.databind.JsonNode;

/** What checks and saves can see of a completed response. */
public interface ResponseView {
  int status();

  /** The first value of a header (case-insensitive), or null. */
  String header(String name);

  /** The body as UTF-8 text; empty when there was none. */
  String bodyText();

  /** The body parsed as JSON (once), or null when it is not JSON. */
  JsonNode json();

  /**
   * The values at {@code picks}' paths, read from the body in one pass (once for those picks), or
   * null when {@link #json()} has to answer: the body is not plain JSON, or a value needs the tree.
   */
  default Picked picked(JsonPicks picks) {
    return null;
  }

  /** From the request's start to the last byte of the response, nanoseconds. */
  long latencyNanos();
}
