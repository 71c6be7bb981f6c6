package horde.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Repeats a request every {@code interval} until every {@code until} check holds on its response
 * (an async job's status is {@code completed}), then applies the request's own checks and saves
 * to that last response. Each attempt is a request of its own; when {@code timeout} passes first,
 * the last attempt fails with the reason {@code poll timeout}.
 */
public record Poll(Request request, List<Check> until, Duration interval, Duration timeout, SourcePosition position)
    implements Step {
  public Poll {
    Objects.requireNonNull(request, "request");
    until = List.copyOf(until);
    if (until.isEmpty()) throw new IllegalArgumentException("poll needs an 'until' condition");
    if (interval == null || interval.isNegative()) throw new IllegalArgumentException("poll interval must be >= 0");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("poll timeout must be > 0");
    position = position == null ? SourcePosition.UNKNOWN : position;
  }
}
