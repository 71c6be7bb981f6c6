package horde.junit;

import static horde.dsl.Dsl.*;
import static horde.junit.HordeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.Horde;
import horde.result.RunResult;
import horde.scenario.Scenario;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Map;

/**
 * A scenario built in Java with setup, a group around a poll, an if, and two phases (users, then an
 * arrival rate) with grade tables, run end to end against the simulator: the Java API feeds the one
 * engine, and the assertions read phases and grades.
 */
class WorkflowLoadTest {
  @LoadTest
  void anAsyncWorkflowInTwoPhases() throws Exception {
    SimulatorOptions fastJobs =
        SimulatorOptions.defaults().toBuilder().jobDuration(Duration.ofMillis(200)).build();
    try (Simulator sim = Simulator.start(fastJobs)) {
      Scenario s =
          scenario("workflow")
              .target(sim.baseUrl())
              .setup(
                  post("/api/agents")
                      .json(Map.of("name", "enhancer"))
                      .save("agent_id", "$.agent_id"))
              .user(
                  user("worker")
                      .waitConstant("100ms")
                      .task(
                          task("enhance")
                              .step(
                                  group(
                                      "enhancement workflow",
                                      post("/api/jobs")
                                          .json(Map.of("task", "summarise"))
                                          .check(status(202))
                                          .save("job_id", "$.job_id"),
                                      poll(get("/api/jobs/${job_id}").name("/api/jobs/[id]"))
                                          .until(jsonPath("$.status").oneOf("completed", "failed"))
                                          .every("100ms")
                                          .timeout("10s")),
                                  ifVar("agent_id")
                                      .present()
                                      .then(
                                          post("/api/agents/${agent_id}/query")
                                              .name("/api/agents/[id]/query")
                                              .json(
                                                  Map.of("query", "How did job ${job_id} go?"))))))
              .phase(
                  phase("2 users")
                      .load(users(2).runTime("2s"))
                      .threshold(threshold("p95 < 5s").endpoint("enhancement workflow"))
                      .grades(grade("FAST", "error_rate < 1%"), otherwise("SLOW")),
                  phase("3 per second")
                      .load(arrivalRate(3).runTime("2s").maxUsers(20))
                      .threshold("error_rate < 1%")
                      .grades("FAST: error_rate < 1%", "SLOW"))
              .build();

      RunResult result = Horde.run(s);

      assertThat(result).meetsCriteria().hasNoFailures();
      assertThat(result).phase("2 users").meetsCriteria().hasGrade("FAST");
      assertThat(result).phase("3 per second").hasGrade("FAST");
      assertThat(result).holds("enhancement workflow", "requests >= 2");
      assertThatThrownBy(() -> assertThat(result).phase("3 users"))
          .hasMessage(
              "expected a phase named 3 users; the run's phases are [2 users, 3 per second]");
      assertThatThrownBy(() -> assertThat(result).phase("2 users").hasGrade("SLOW"))
          .hasMessageStartingWith("phase 2 users: expected the grade SLOW but it was FAST\n")
          .hasMessageContaining("  pass p95 < 5s [enhancement workflow]: measured ");
    }
  }
}
