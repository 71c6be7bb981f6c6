package horde.cli;

import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import java.time.Duration;
import java.util.List;

/**
 * Turns Locust-style flags into the canonical load profile, as k6 derives scenarios from its
 * shortcut flags: {@code --users}, {@code --spawn-rate} and {@code --run-time} give a closed
 * model (what the file says fills the gaps), {@code --requests}/{@code --concurrency} a fixed
 * count. {@code --run-time} alone keeps an arrival-rate file's constant rate and only changes how
 * long it runs. Bad values throw {@link IllegalArgumentException} with a message for the user.
 */
record LoadOverrides(Integer users, Double spawnRate, String runTime, Long requests, Integer concurrency, String warmup) {

  LoadProfile apply(LoadProfile file) {
    long flagCount = warmup == null ? -1 : LoadProfile.requestCount(warmup);
    long count = warmup == null ? file.warmupRequests() : Math.max(0, flagCount);
    Duration warm = warmup == null ? file.warmup() : flagCount >= 0 ? Duration.ZERO : duration("--warmup", warmup);
    LoadProfile out = profile(file, warm);
    if (count > 0) return out.withWarmupRequests(count); // a count leaves something to measure, whatever the length
    Duration length = length(out);
    if (length != null && !warm.isZero() && warm.compareTo(length) >= 0)
      throw new IllegalArgumentException("the warm-up (" + Durations.format(warm) + ", --warmup or the file's warmup) "
          + "must be shorter than the run (" + Durations.format(length) + "); nothing would be measured");
    return out;
  }

  /** Whether any flag changes the load (a scenario with phases takes none). */
  boolean any() {
    return users != null || spawnRate != null || runTime != null || requests != null || concurrency != null || warmup != null;
  }

  /** How long the profile runs, or null when it ends by count. */
  private static Duration length(LoadProfile p) {
    return switch (p) {
      case LoadProfile.Closed c -> c.runTime();
      case LoadProfile.Staged s -> s.total();
      case LoadProfile.Open o -> o.total();
      case LoadProfile.UserShape u -> u.duration();
      case LoadProfile.RateShape r -> r.duration();
      case LoadProfile.FixedCount f -> null;
    };
  }

  private LoadProfile profile(LoadProfile file, Duration warm) {
    if (requests != null || concurrency != null) return fixed(file, warm);
    if (users == null && spawnRate == null && runTime == null) return withWarmup(file, warm);
    if (file instanceof LoadProfile.Open open && users == null && spawnRate == null) return longer(open, warm);
    LoadProfile.Closed base = file instanceof LoadProfile.Closed c ? c : null;
    if (base == null && runTime == null)
      throw new IllegalArgumentException("the scenario's load is not users + run_time; give --run-time too");
    int u = users != null ? users : base != null ? base.users() : 1;
    double rate = spawnRate != null ? spawnRate : base != null && users == null ? base.spawnRate() : u;
    Duration time = runTime != null ? duration("--run-time", runTime) : base.runTime();
    if (u < 1) throw new IllegalArgumentException("--users must be at least 1");
    if (!(rate > 0)) throw new IllegalArgumentException("--spawn-rate must be above 0");
    return new LoadProfile.Closed(u, rate, time, warm);
  }

  /** An arrival-rate file run for {@code --run-time}: possible when its rate is constant. */
  private LoadProfile longer(LoadProfile.Open open, Duration warm) {
    boolean constant = open.stages().size() == 1 && open.stages().get(0).rate() == open.startRate();
    if (!constant)
      throw new IllegalArgumentException("--run-time: the scenario ramps its arrival rate through stages; "
          + "change their durations in the file, or give --users for a closed load instead");
    return new LoadProfile.Open(open.startRate(), List.of(new LoadProfile.RateStage(duration("--run-time", runTime),
        open.startRate())), open.maxUsers(), open.arrivals(), warm);
  }

  private LoadProfile fixed(LoadProfile file, Duration warm) {
    LoadProfile.FixedCount base = file instanceof LoadProfile.FixedCount f ? f : null;
    long n = requests != null ? requests : base != null ? base.requests() : 0;
    int c = concurrency != null ? concurrency : base != null ? base.concurrency() : 1;
    if (n < 1) throw new IllegalArgumentException("--requests must be at least 1");
    if (c < 1) throw new IllegalArgumentException("--concurrency must be at least 1");
    Duration max = runTime != null ? duration("--run-time", runTime) : base != null ? base.maxTime() : null;
    return new LoadProfile.FixedCount(n, c, max, warm);
  }

  private static LoadProfile withWarmup(LoadProfile p, Duration warm) {
    return switch (p) {
      case LoadProfile.Closed c -> new LoadProfile.Closed(c.users(), c.spawnRate(), c.runTime(), warm);
      case LoadProfile.Staged s -> new LoadProfile.Staged(s.stages(), warm);
      case LoadProfile.FixedCount f -> new LoadProfile.FixedCount(f.requests(), f.concurrency(), f.maxTime(), warm);
      case LoadProfile.Open o -> new LoadProfile.Open(o.startRate(), o.stages(), o.maxUsers(), o.arrivals(), warm);
      case LoadProfile.UserShape u -> new LoadProfile.UserShape(u.users(), u.duration(), warm);
      case LoadProfile.RateShape r -> new LoadProfile.RateShape(r.rate(), r.duration(), r.maxUsers(), warm);
    };
  }

  private static Duration duration(String flag, String text) {
    try {
      Duration d = Durations.parseSecondsDefault(text);
      if (d.isNegative()) throw new IllegalArgumentException("negative");
      return d;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": '" + text + "' is not a duration; use e.g. 30s, 5m or 1h30m"
          + (flag.equals("--warmup") ? ", or a count like 20requests" : ""));
    }
  }
}
