package horde.cli;

/** What {@code horde}'s exit code says. */
public final class ExitCode {
  /** The criteria held (warn-level misses too, unless {@code --strict}). */
  public static final int PASS = 0;

  public static final int CRITERIA_FAILED = 1;
  /** Bad scenario or bad usage: nothing ran. */
  public static final int BAD_INPUT = 2;
  /** The pre-flight check could not reach the target, or a cluster's workers did not come or refused the test: nothing ran. */
  public static final int UNREACHABLE = 3;
  /** Stopped early (Ctrl-C, SIGTERM, a failed setup): the results cover what ran. */
  public static final int ABORTED = 4;
  /** A bug in Horde. */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
