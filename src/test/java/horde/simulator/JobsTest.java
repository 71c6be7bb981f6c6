package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobsTest {
  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void aJobIsQueuedThenRunningThenCompletedWithAResult() throws Exception {
    sim = RunningSimulator.start(b -> b.jobDuration(Duration.ofMillis(400)));
    RunningSimulator.Reply submitted = sim.post("/api/jobs", "{\"task\":\"summarise\"}");
    assertThat(submitted.status()).isEqualTo(202);
    assertThat(submitted.json().get("status").stringValue()).isEqualTo("queued");
    String id = submitted.json().get("job_id").stringValue();

    List<String> seen = new ArrayList<>();
    JsonNode last = poll(id, seen);

    assertThat(seen).containsSubsequence("running", "completed");
    assertThat(seen.stream().distinct().toList()).isSortedAccordingTo(JobsTest::byStage);
    assertThat(last.at("/result/summary").stringValue()).isNotBlank();
    assertThat(last.get("progress").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aJobCanFail() throws Exception {
    sim = RunningSimulator.start(b -> b.jobDuration(Duration.ofMillis(50)));
    String id = sim.post("/api/jobs", "{\"fail\":true}").json().get("job_id").stringValue();
    JsonNode last = poll(id, new ArrayList<>());
    assertThat(last.get("status").stringValue()).isEqualTo("failed");
    assertThat(last.get("result").isNull()).isTrue();
    assertThat(last.get("error").stringValue()).isNotBlank();
  }

  @Test
  void unknownJobIs404() {
    sim = RunningSimulator.start(b -> b);
    assertThat(sim.get("/api/jobs/job_nope").status()).isEqualTo(404);
  }

  /** Polls every 10 ms until a final status, at most two seconds. */
  private JsonNode poll(String id, List<String> seen) throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (true) {
      JsonNode j = sim.get("/api/jobs/" + id).json();
      String status = j.get("status").stringValue();
      seen.add(status);
      if (status.equals("completed") || status.equals("failed") || System.nanoTime() > deadline) {
        return j;
      }
      Thread.sleep(10);
    }
  }

  private static int byStage(String a, String b) {
    List<String> order = List.of("queued", "running", "completed", "failed");
    return Integer.compare(order.indexOf(a), order.indexOf(b));
  }
}
