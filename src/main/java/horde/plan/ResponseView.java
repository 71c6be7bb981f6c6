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

  /** From the request's start to the last byte of the response, nanoseconds. */
  long latencyNanos();
}
