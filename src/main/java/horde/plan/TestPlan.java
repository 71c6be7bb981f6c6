package horde.plan;

import horde.feed.Feeder;
import horde.scenario.Measures;
import horde.scenario.Scenario;
import java.net.URI;
import java.util.List;

/**
 * A scenario compiled for running: every endpoint an integer id, every template bound, every
 * feeder loaded. Nothing here touches the network; {@code horde validate} builds one too.
 *
 * @param target the base URL, normalised (scheme, host, port, base path without trailing slash)
 * @param variableNames user variable slots, by index
 * @param setup steps run once before the load; {@code teardown} once after it
 * @param tokenizer counts tokens for answers without a usage report
 * @param tracked by endpoint id: whether it records streaming, token or cache figures
 * @param requests how many compiled requests the plan has ({@link RequestPlan#id()} below it)
 * @param redaction hides secrets in what the run copies from responses into its output
 */
public record TestPlan(
    Scenario scenario,
    URI target,
    List<Endpoint> endpoints,
    List<UserPlan> users,
    List<String> variableNames,
    String[] initialVariables,
    List<Feeder> feeders,
    int[] uniqueFeeders,
    FailureReasons reasons,
    List<StepPlan> setup,
    List<StepPlan> teardown,
    Tokenizer tokenizer,
    boolean[] tracked,
    int requests,
    Redaction redaction) {

  public TestPlan {
    endpoints = List.copyOf(endpoints);
    users = List.copyOf(users);
    variableNames = List.copyOf(variableNames);
    feeders = List.copyOf(feeders);
    setup = List.copyOf(setup);
    teardown = List.copyOf(teardown);
  }

  /** The measures this plan records: Horde's own. */
  public Measures measures() {
    return Measures.BUILT_IN;
  }

  /** Whether any endpoint records streaming, token or cache figures. */
  public boolean tracksLlm() {
    for (boolean t : tracked) if (t) return true;
    return false;
  }

  /**
   * The response headers its checks, saves and cache rules read, in lower case: an answer's other
   * headers are never made into strings.
   */
  public List<String> readHeaders() {
    return ReadHeaders.of(this);
  }

  /** The base path requests are appended to: {@code /v1} for {@code http://h:8000/v1}. */
  public String basePath() {
    String p = target.getRawPath();
    return p == null ? "" : p;
  }
}
