package horde.cluster;

/** A cluster run cannot go on: not enough workers, a worker refused the test. The message is for the user. */
public final class ClusterException extends Exception {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }
}
