package horde.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How much load, over what time. Every profile has a warm-up: the first part of the run whose
 * requests are shown in the timeline but left out of the statistics and criteria.
 */
public sealed interface LoadProfile {
  Duration warmup();

  /**
   * Locust's model: {@code users} users started at {@code spawnRate} per second, running until
   * {@code runTime} has passed since the start.
   */
  record Closed(int users, double spawnRate, Duration runTime, Duration warmup)
      implements LoadProfile {
    public Closed {
      if (users < 1) throw new IllegalArgumentException("users must be >= 1");
      if (!(spawnRate > 0)) throw new IllegalArgumentException("spawn_rate must be > 0");
      warmup = warmup == null ? Duration.ZERO : warmup;
      checkPositive(runTime, "run_time");
    }
  }

  /** Users ramp linearly from one stage's target to the next; starts from zero. */
  record Staged(List<Stage> stages, Duration warmup) implements LoadProfile {
    public Staged {
      stages = List.copyOf(stages);
      if (stages.isEmpty()) throw new IllegalArgumentException("stages must not be empty");
      warmup = warmup == null ? Duration.ZERO : warmup;
    }

    public Duration total() {
      return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }
  }

  /**
   * {@code requests} requests in all, sent by {@code concurrency} users (like {@code ab -n -c}),
   * bounded by {@code maxTime} in case the target is slow.
   */
  record FixedCount(long requests, int concurrency, Duration maxTime, Duration warmup)
      implements LoadProfile {
    public FixedCount {
      if (requests < 1) throw new IllegalArgumentException("requests must be >= 1");
      if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
      maxTime = maxTime == null ? Duration.ofHours(1) : maxTime;
      warmup = warmup == null ? Duration.ZERO : warmup;
    }
  }

  private static void checkPositive(Duration d, String what) {
    if (d == null || d.isZero() || d.isNegative())
      throw new IllegalArgumentException(what + " must be positive");
  }
}
