package horde.record;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The first message seen for each failure reason at each endpoint, kept for the whole run (a
 * sample shows what went wrong; counts say how often). Shared by every loop: the first writer
 * wins, later ones find the slot taken and do nothing.
 */
public final class Samples {
  private final int reasonCapacity;
  private final AtomicReferenceArray<String> first;

  public Samples(int endpoints, int reasonCapacity) {
    this.reasonCapacity = reasonCapacity;
    this.first = new AtomicReferenceArray<>(endpoints * reasonCapacity);
  }

  public boolean wanted(int endpoint, int reason) {
    return first.get(endpoint * reasonCapacity + reason) == null;
  }

  public void offer(int endpoint, int reason, String message) {
    first.compareAndSet(endpoint * reasonCapacity + reason, null, message);
  }

  /** The sample, or null. */
  public String get(int endpoint, int reason) {
    return first.get(endpoint * reasonCapacity + reason);
  }
}
