package horde.cli;

import horde.engine.EngineOptions;
import horde.live.Form;
import horde.live.Starter;
import horde.plan.Planner;
import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import horde.scenario.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

/** The web UI's start form read as {@code horde run}'s flags: the same host, load and class rules. */
final class UiStarter implements Starter {
  @Override
  public Planned plan(Scenario scenario, Form form, List<String> notes) {
    Scenario s = scenario;
    if (form.host() != null) s = s.withTarget(form.host());
    if (!form.userClasses().isEmpty()) {
      StringWriter left = new StringWriter();
      s = UserClassFilter.apply(s, form.userClasses(), new PrintWriter(left, true));
      left.toString().lines().map(l -> l.replaceFirst("^horde: --user-classes: ", "")).forEach(notes::add);
    }
    if (!form.mode().equals("scenario")) s = s.withLoad(load(s, form));
    return new Planned(new Planner(System.getenv()).plan(s), EngineOptions.DEFAULTS);
  }

  private static LoadProfile load(Scenario s, Form form) {
    if (!s.phases().isEmpty())
      throw new IllegalArgumentException("the scenario runs " + s.phases().size() + " phases, each with its own load;"
          + " run it as the scenario says, or change the phases in the file");
    String time = form.runTime() == null ? Form.LONGEST : form.runTime();
    if (form.mode().equals("users")) {
      try {
        return new LoadOverrides(form.users(), form.spawnRate(), time, null, null, null).apply(s.load());
      } catch (IllegalArgumentException e) { // worded for the command line's flags: say it as the form does
        throw new IllegalArgumentException(e.getMessage().replace("--run-time", "run time").replace("--users", "users")
            .replace("--spawn-rate", "spawn rate").replace("--warmup or ", ""), e);
      }
    }
    if (form.rate() == null || !(form.rate() > 0)) throw new IllegalArgumentException("give the arrival rate, above 0 a second");
    Duration length;
    try {
      length = Durations.parseSecondsDefault(time);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("run time: '" + time + "' is not a duration; use e.g. 30s, 5m or 1h30m");
    }
    LoadProfile.Open file = s.load() instanceof LoadProfile.Open o ? o : null;
    return new LoadProfile.Open(form.rate(), List.of(new LoadProfile.RateStage(length, form.rate())),
        file == null ? LoadProfile.Open.DEFAULT_MAX_USERS : file.maxUsers(), file == null ? null : file.arrivals(),
        s.load().warmup(), s.load().warmupRequests());
  }

  @Override
  public String describe(LoadProfile load) {
    return Banner.load(load);
  }
}
