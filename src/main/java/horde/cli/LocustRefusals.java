package horde.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Locust's flags that mean nothing in Horde, each with what to use instead. Without this table a
 * Locust user gets "Unknown option"; with it, the way to say the same thing in Horde.
 */
final class LocustRefusals {
  private static final String WEB_UI = "Horde has no web UI: it always runs headless, with progress lines on the console"
      + " (--html FILE writes a report with charts)";
  private static final String DISTRIBUTED = "Horde drives the whole load from one process and uses every core"
      + " (--threads N sets the event-loop threads); it has no master/worker mode";
  private static final Map<String, String> ADVICE = new LinkedHashMap<>();

  static {
    for (String flag : List.of("--web-host", "--web-host-display-name", "--web-port", "-P", "--web-auth", "--web-login",
        "--tls-cert", "--tls-key", "--class-picker", "--web-base-path", "--headful", "--legacy-ui", "--build-path"))
      ADVICE.put(flag, WEB_UI);
    for (String flag : List.of("--master", "--master-bind-host", "--master-bind-port", "--expect-workers",
        "--expect-workers-max-wait", "--enable-rebalancing", "--worker", "--master-host", "--master-port",
        "--expect-slaves", "--slave"))
      ADVICE.put(flag, DISTRIBUTED);
    ADVICE.put("--processes", DISTRIBUTED);
    String tags = "Horde's tasks have no tags: run some user classes only with --user-classes A,B (or name them after"
        + " the options), or give a task weight 0 in the scenario";
    for (String flag : List.of("-T", "--tags", "-E", "--exclude-tags")) ADVICE.put(flag, tags);
    String iterations = "Horde counts requests, not task iterations: --requests N --concurrency C sends N requests in"
        + " all, C at a time";
    ADVICE.put("-i", iterations);
    ADVICE.put("--iterations", iterations);
    ADVICE.put("--reset-stats", "leave the ramp-up out of the statistics with --warmup DURATION instead (100 users at"
        + " --spawn-rate 10 ramp for 10s: --warmup 10s)");
    String json = "Horde's result file is JSON of its own shape: --out FILE (docs/result-format.md); --csv PREFIX"
        + " writes Locust's CSV files";
    ADVICE.put("--json", json);
    ADVICE.put("--json-file", json);
    String ratio = "horde validate SCENARIO --plan lists every user class and task with its weight";
    ADVICE.put("--show-task-ratio", ratio);
    ADVICE.put("--show-task-ratio-json", ratio);
    ADVICE.put("--config-users", "set each user class's weight, wait and tasks in the scenario file");
    ADVICE.put("--profile", "Horde has no test profiles; the scenario's name (name:) labels the run");
    ADVICE.put("--otel", "Horde does not export OpenTelemetry; its result file has every figure (--out FILE)");
  }

  private LocustRefusals() {}

  /**
   * A handler of bad command lines that, for a Locust flag given to {@code run}, says what to use
   * instead; anything else goes to {@code standard} (picocli's message and the usage).
   */
  static IParameterExceptionHandler explaining(IParameterExceptionHandler standard) {
    return (e, args) -> {
      if (e instanceof UnmatchedArgumentException u && e.getCommandLine().getCommandName().equals("run")) {
        for (String arg : u.getUnmatched()) {
          String advice = advice(arg);
          if (advice == null) continue;
          String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
          e.getCommandLine().getErr().println("horde run: " + flag + " is a Locust option Horde does not take: " + advice);
          e.getCommandLine().getErr().flush();
          return ExitCode.BAD_INPUT;
        }
      }
      return standard.handleParseException(e, args);
    };
  }

  /** What to use instead of the Locust flag {@code arg} ({@code --flag} or {@code --flag=value}), or null. */
  static String advice(String arg) {
    int equals = arg.indexOf('=');
    return ADVICE.get(equals > 0 ? arg.substring(0, equals) : arg);
  }

  /** The Locust flags refused, for the docs' table and its test. */
  static Map<String, String> all() {
    return Map.copyOf(ADVICE);
  }
}
