package horde.cli;

import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.InvalidScenarioException;
import horde.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code horde validate FILE}: every problem with file:line:column, or what the plan holds. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Check a scenario file without sending any request.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO")
  Path file;

  @Option(names = {"-H", "--host"}, paramLabel = "URL", description = "Target base URL, as for run.")
  String host;

  @Option(names = "--user-classes", split = ",", paramLabel = "NAME", description = "Check only these user classes, as for run.")
  List<String> userClasses;

  @Option(names = "--plan", description = "Print the compiled plan: endpoints, classes, tasks.")
  boolean showPlan;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Scenario scenario = ScenarioFiles.load(file, err);
    if (scenario == null) return ExitCode.BAD_INPUT;
    if (host != null) scenario = scenario.withTarget(host);
    TestPlan plan;
    try {
      if (userClasses != null) scenario = UserClassFilter.apply(scenario, userClasses, err);
      plan = new Planner(System.getenv()).plan(scenario);
    } catch (InvalidScenarioException e) {
      ScenarioFiles.printProblems(e, err);
      return ExitCode.BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("horde: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    out.printf("%s: OK (%s, %s, %s)%n", file, Words.count(plan.users().size(), "user class", "user classes"),
        Words.count(plan.endpoints().size(), "endpoint", "endpoints"), Words.count(scenario.thresholds().size() + scenario.phases().stream().mapToInt(p -> p.thresholds().size()).sum(), "criterion", "criteria"));
    if (showPlan) PlanText.print(plan, out);
    return ExitCode.PASS;
  }

}
