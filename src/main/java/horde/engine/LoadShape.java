package horde.engine;

import horde.scenario.LoadProfile;
import horde.scenario.Stage;
import java.time.Duration;
import java.util.List;

/**
 * How many users should be running at a moment of the test: a pure function of elapsed time,
 * testable without a network.
 */
public interface LoadShape {
  /** Target users at {@code elapsedNanos} since the start. */
  int usersAt(long elapsedNanos);

  /** When the shape ends (the run's duration). */
  long durationNanos();

  static LoadShape of(LoadProfile profile) {
    return switch (profile) {
      case LoadProfile.Closed c -> spawning(c.users(), c.spawnRate(), c.runTime());
      case LoadProfile.Staged s -> stages(s.stages());
      case LoadProfile.FixedCount f -> spawning(f.concurrency(), Double.MAX_VALUE, f.maxTime());
      case LoadProfile.UserShape u -> function(u);
      case LoadProfile.Open o -> throw new IllegalArgumentException("the open model has arrivals, not a user shape");
      case LoadProfile.RateShape r -> throw new IllegalArgumentException("the open model has arrivals, not a user shape");
    };
  }

  /** Whatever the user's function says, never below 0. */
  static LoadShape function(LoadProfile.UserShape u) {
    long duration = u.duration().toNanos();
    return new LoadShape() {
      public int usersAt(long t) {
        return t >= duration ? 0 : Math.max(0, u.users().applyAsInt(Duration.ofNanos(t)));
      }

      public long durationNanos() {
        return duration;
      }
    };
  }

  /** Locust's model: the first user at once, then {@code rate} per second up to {@code users}. */
  static LoadShape spawning(int users, double rate, Duration runTime) {
    long duration = runTime.toNanos();
    return new LoadShape() {
      public int usersAt(long t) {
        if (t >= duration) return 0;
        double spawned = 1 + rate * (t / 1e9);
        return spawned >= users ? users : (int) spawned;
      }

      public long durationNanos() {
        return duration;
      }
    };
  }

  /** k6's stages: linear ramps from the last target (0 at the start) to each stage's. */
  static LoadShape stages(List<Stage> stages) {
    long total = stages.stream().mapToLong(s -> s.duration().toNanos()).sum();
    return new LoadShape() {
      public int usersAt(long t) {
        if (t >= total) return 0;
        int from = 0;
        long start = 0;
        for (Stage s : stages) {
          long d = s.duration().toNanos();
          if (t < start + d) {
            double progress = (t - start) / (double) d;
            return (int) Math.round(from + (s.users() - from) * progress);
          }
          from = s.users();
          start += d;
        }
        return from;
      }

      public long durationNanos() {
        return total;
      }
    };
  }
}
