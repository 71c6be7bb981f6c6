package horde.engine;

/**
 * Protocol state a virtual user owns (Hyperfoil's {@code Session.Resource}): an HTTP session with
 * its cookies, WebSocket sessions. The user knows none of them; it only tells each when its life
 * turns. Made on first use through a {@link ResourceKey}, used on the user's loop only.
 */
interface UserResource {
  /** The user starts over (on_start again): what belonged to its last life goes. */
  default void restart() {}

  /** A new task iteration begins. */
  default void nextIteration() {}

  /** The test is over and its grace period too: cut off what is in flight, counted apart. */
  default void cancel() {}

  /** The user is done: release timers and connections for good. */
  default void close() {}
}
