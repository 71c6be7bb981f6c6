package horde.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The key to one kind of {@link UserResource}, made once per kind as a constant; a user keeps its
 * resources in an array indexed by the key, so finding one allocates nothing.
 *
 * <pre>{@code
 * static final ResourceKey<HttpSession> KEY = new ResourceKey<>(HttpSession::new);
 * HttpSession http = user.resource(HttpSession.KEY);
 * }</pre>
 */
final class ResourceKey<T extends UserResource> {
  private static final AtomicInteger COUNT = new AtomicInteger();

  final int id = COUNT.getAndIncrement();
  private final Function<VirtualUser, T> make;

  ResourceKey(Function<VirtualUser, T> make) {
    this.make = make;
  }

  T make(VirtualUser user) {
    return make.apply(user);
  }

  /** How many kinds there are so far. */
  static int count() {
    return COUNT.get();
  }
}
