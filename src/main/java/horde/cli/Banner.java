package horde.cli;

import horde.engine.EngineOptions;
import horde.engine.Generator;
import horde.plan.TestPlan;
import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import java.util.Locale;
import java.util.stream.Collectors;

/** The line that says what is about to run. */
final class Banner {
  private Banner() {}

  static String rates(LoadProfile.Open o) {
    String stages = o.stages().stream().map(r -> fmt(r.rate()) + "/s over " + Durations.format(r.duration()))
        .collect(Collectors.joining(", then "));
    return "arrivals from " + fmt(o.startRate()) + "/s, " + stages + " (" + o.arrivals().name().toLowerCase(Locale.ROOT)
        + ", at most " + Words.count(o.maxUsers(), "user", "users") + ")";
  }

  private static String fmt(double rate) {
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }

  static String of(TestPlan plan, EngineOptions options) {
    String load = plan.scenario().phases().isEmpty() ? load(plan.scenario().load())
        : Words.count(plan.scenario().phases().size(), "phase", "phases");
    LoadProfile main = plan.scenario().load();
    String warm = !plan.scenario().phases().isEmpty() ? ""
        : main.warmupRequests() > 0 ? ", warm-up " + Words.count(main.warmupRequests(), "request", "requests")
        : main.warmup().isZero() ? "" : ", warm-up " + Durations.format(main.warmup());
    String classes = plan.users().stream().map(u -> u.name() + " " + u.weight()).collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "Running %s against %s: %s%s; user classes: %s; %d threads",
        plan.scenario().name(), plan.target(), load, warm, classes, Generator.threads(plan.scenario().http(), options));
  }

  /** A load profile in a few words: {@code 50 users (+10/s) for 5m}. */
  static String load(LoadProfile profile) {
    return switch (profile) {
      case LoadProfile.Closed c -> String.format(Locale.ROOT, "%s (+%s/s) for %s", Words.count(c.users(), "user", "users"),
          c.spawnRate() == Math.rint(c.spawnRate()) ? String.valueOf((long) c.spawnRate()) : String.valueOf(c.spawnRate()),
          Durations.format(c.runTime()));
      case LoadProfile.Staged s -> s.stages().stream()
          .map(st -> Words.count(st.users(), "user", "users") + "/" + Durations.format(st.duration())).collect(Collectors.joining(" -> ", "stages ", ""));
      case LoadProfile.FixedCount f -> Words.count(f.requests(), "request", "requests") + ", " + f.concurrency() + " at a time";
      case LoadProfile.Open o -> rates(o);
      case LoadProfile.UserShape u -> "users from a function for " + Durations.format(u.duration());
      case LoadProfile.RateShape r -> "arrivals from a function for " + Durations.format(r.duration())
          + " (at most " + Words.count(r.maxUsers(), "user", "users") + ")";
    };
  }
}
