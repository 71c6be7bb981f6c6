package horde.engine;

/**
 * A standing task of a user's loop (its next task, its steps' resumption, its wait's end) that
 * reports an {@link Error} it throws as fatal, as {@link VirtualUser#guard} does for one-off tasks.
 * A class to extend rather than a lambda: each user holds three such tasks for its whole life, and
 * an object that is its own task costs nothing more, where a guarded lambda costs 40 bytes a user.
 */
abstract class LoopTask implements Runnable {
  @Override
  public final void run() {
    try {
      runTask();
    } catch (Error e) {
      fatalErrors().report(e);
      throw e;
    }
  }

  abstract void runTask();

  abstract FatalErrors fatalErrors();
}
