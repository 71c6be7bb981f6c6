package horde.engine;

/**
 * The control thread's side of a {@link LoadControl}: the shape's own clock (elapsed time less the
 * pauses) and the load to apply at each tick — the shape's, or, once steered, a linear ramp from
 * the load of that moment to the target. Used by one thread only.
 */
final class Steering {
  private final LoadControl control;
  private long pausedSince = -1;
  private long pausedTotal;
  private double last = Double.NaN;
  private boolean steered;
  private double from;
  private double target;
  private double perSecond;
  private long steeredAt;

  Steering(LoadControl control) {
    this.control = control;
    control.newShape();
  }

  /** The shape's time at {@code elapsed} nanoseconds since the start: the time spent paused does not count. */
  long shapeNanos(long elapsed) {
    if (control.paused()) {
      if (pausedSince < 0) pausedSince = elapsed;
      return pausedSince - pausedTotal;
    }
    if (pausedSince >= 0) {
      pausedTotal += elapsed - pausedSince;
      pausedSince = -1;
    }
    return elapsed - pausedTotal;
  }

  /** Nanoseconds spent paused so far, as of the last {@link #shapeNanos} call. */
  long pausedNanos() {
    return pausedTotal;
  }

  boolean paused() {
    return pausedSince >= 0;
  }

  /** Whether a target replaced the shape: it then rules until the end of this run. */
  boolean steered() {
    return steered;
  }

  /**
   * The load at shape time {@code s}: while paused, what it was; else the shape's value {@code
   * shaped}, or the ramp toward the last target.
   */
  double value(long s, double shaped) {
    if (Double.isNaN(last)) last = shaped;
    LoadControl.Steer command = control.take();
    if (command != null) {
      steered = true;
      from = last;
      target = command.target();
      perSecond = command.perSecond();
      steeredAt = s;
    }
    double v = paused() ? last : steered ? ramp(s) : shaped;
    last = v;
    control.publish(v);
    return v;
  }

  /**
   * Whether the load stays where it is until {@code shapedAhead}, the shape's value a quiet tick
   * ahead: paused, at the end of a steered ramp, or on a flat stretch of the shape (as of the last
   * {@link #value} call).
   */
  boolean holds(double shapedAhead) {
    if (paused()) return true;
    return steered ? last == target : last == shapedAhead;
  }

  private double ramp(long s) {
    double moved = perSecond * (s - steeredAt) / 1e9;
    if (Double.isInfinite(perSecond) || moved >= Math.abs(target - from)) return target;
    return target > from ? from + moved : from - moved;
  }
}
