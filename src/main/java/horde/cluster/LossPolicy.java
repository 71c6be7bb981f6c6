package horde.cluster;

/** What a coordinator does when it loses a worker mid-run ({@code --on-worker-loss}). */
public enum LossPolicy {
  /** The others go on; the run is at least WARN, and says what was lost. */
  CONTINUE,
  /** Every worker stops and the run ends there, with what ran (exit 4). */
  ABORT
}
