package horde.engine;

import horde.scenario.Sizes;

/** An answer's body, needed whole for checks or saves, passed {@code http.max_body}. */
final class BodyTooLargeException extends Exception {
  BodyTooLargeException(int limit) {
    super("the body passed max_body (" + Sizes.format(limit) + "); raise http.max_body to check it", null, false, false);
  }
}
