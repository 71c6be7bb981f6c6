package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.Measures;
import horde.scenario.yaml.ScenarioLoader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run ends on time however many users are stuck where they are: here, thousands of users whose
 * connections the target never accepts (its backlog full, their connects pending well past the
 * end of the run), as when more users than a target or the machine's ports can take open a
 * connection each. The run time plus the graceful stop, plus a bound for cutting them off.
 */
class EndsOnTimeTest {
  @TempDir Path tmp;

  @Test
  void usersStuckConnectingAreCutOffAtTheEndOfTheGracefulStop() throws Exception {
    try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { // listens, never accepts
      String yaml = """
          name: stuck
          target: http://127.0.0.1:%d
          preflight: false
          http: { connect_timeout: 60s }
          users: [{ name: u, tasks: [{ get: /never }] }]
          load: { users: 3000, spawn_rate: 3000, run_time: 2s }
          """.formatted(deaf.getLocalPort());
      TestPlan plan = new Planner(Map.of()).plan(ScenarioLoader.parse(yaml, "stuck.yaml", tmp));
      long start = System.nanoTime();
      EngineReport report;
      long answered;
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(1)))) {
        engine.start();
        report = engine.await();
        answered = engine.recorded().counter(0, Measures.REQUESTS);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).as("2 s run + 1 s graceful stop + the cut-off").isLessThan(10);
      assertThat(report.aborted()).isFalse();
      assertThat(answered).as("every user was stuck: no request ended, none failed by its connect timeout").isZero();
      // Only a connection whose handshake completed sends its request: the backlog's two, and the few whose
      // SYN-ACK the kernel sent before the accept queue filled (it then drops their last ACK, but the
      // client already counts the connection as open). A handful, never the thousands that wait.
      assertThat(report.cancelledInFlight()).as("only those with a completed handshake were sent").isLessThanOrEqualTo(20);
    }
  }
}
