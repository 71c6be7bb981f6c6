package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.RawServer;
import horde.Scenarios;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.scenario.LoadProfile;
import horde.scenario.Request;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At the end of a run, every request that left Horde is counted or reported in flight, however busy the loops. */
class EndOfRunTest {

  /** Answers the first request of each connection, then reads every other and answers none. */
  static RawServer stalling() throws Exception {
    RawServer[] server = new RawServer[1];
    server[0] = new RawServer((s, out) -> {
      out.write(RawServer.OK);
      out.flush();
      while (server[0].readRequest(s.getInputStream())) {
        // read on, answer nothing
      }
    });
    return server[0];
  }

  /**
   * 8,000 users (each with its socket and the server's in this process), enough that cutting them
   * off keeps the loops busy for seconds on a small machine; fewer when descriptors are short.
   */
  @Test
  void manyUsersAgainstAStallingServerReconcileWithWhatItRead() throws Exception {
    long descriptors = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getMaxFileDescriptorCount();
    int users = (int) Math.min(8000, (descriptors - 1000) / 2);
    try (RawServer server = stalling()) {
      TestPlan plan = new Planner(Map.of()).plan(Scenarios.steps(server.url(),
          new LoadProfile.Closed(users, 100_000, Duration.ofSeconds(2), null), Request.of("GET", "/stall")));
      EngineReport report;
      IntervalSnapshot recorder;
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS.withGracefulStop(Duration.ZERO))) {
        engine.start();
        report = engine.await();
        recorder = engine.recorded();
      }
      long counted = recorder.counter(0, Measures.REQUESTS);
      long read = settled(server);
      assertThat(counted).as("answered").isPositive();
      assertThat(report.cancelledInFlight()).as("cut off at the end").isPositive();
      assertThat(read).isEqualTo(counted + report.cancelledInFlight());
    }
  }

  /** What the server read once it has caught up: unchanged for a second (at most 30 s). */
  static long settled(RawServer server) throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 30 && server.requests() != last; i++) {
      last = server.requests();
      Thread.sleep(1000);
    }
    return server.requests();
  }
}
