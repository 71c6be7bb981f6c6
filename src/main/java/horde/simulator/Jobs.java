package horde.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The async job API of an agent workflow: submit, then poll. A job's status is a function of time
 * since it was submitted: {@code queued} for a tenth of {@code jobDuration}, {@code running} for
 * {@code jobDuration}, then {@code completed} with a result, or {@code failed} for a share {@code
 * errorRate} of jobs (or one submitted with {@code "fail": true}). Nothing runs in the background,
 * so idle jobs cost only memory.
 */
final class Jobs {
  /** Jobs kept; the oldest beyond this is forgotten (its id then answers 404). */
  static final int KEPT = 100_000;

  private final SimulatorOptions options;
  private final Inference inference;
  private final Dice dice;
  private final RecentMap<Job> byId = new RecentMap<>(KEPT, false);

  /**
   * @param submitted {@link System#nanoTime()} at submission
   * @param created epoch seconds
   */
  private record Job(String id, long submitted, long created, boolean fails, int tokens) {}

  Jobs(SimulatorOptions options, Inference inference, Dice dice) {
    this.options = options;
    this.inference = inference;
    this.dice = dice;
  }

  /**
   * {@code POST /api/jobs} with any JSON body: 202 {job_id, status: queued}. A body with {@code
   * "fail": true} makes the job fail for sure, so a test can reach that path without injecting
   * errors everywhere.
   */
  void submit(Exchange ex) {
    JsonNode body = ex.json(false);
    if (body == null) return;
    boolean fails =
        body.path("fail").asBoolean(false) || ex.random().nextDouble() < options.errorRate();
    Job job =
        new Job(
            dice.id("job_"),
            System.nanoTime(),
            Instant.now().getEpochSecond(),
            fails,
            inference.drawLength(ex.random()));
    byId.put(job.id, job);
    ex.reply(HttpResponseStatus.ACCEPTED, describe(job, "queued", 0));
  }

  /** {@code GET /api/jobs/{id}}: where the job is now. */
  void status(Exchange ex) {
    Job job = byId.get(ex.id());
    if (job == null) {
      ex.fail(HttpResponseStatus.NOT_FOUND, "not_found", "no job '" + ex.id() + "'");
      return;
    }
    long queued = options.jobDuration().toNanos() / 10;
    long running = options.jobDuration().toNanos();
    long age = System.nanoTime() - job.submitted;
    ObjectNode body;
    if (age < queued) body = describe(job, "queued", 0);
    else if (age < queued + running)
      body = describe(job, "running", (double) (age - queued) / running);
    else body = describe(job, job.fails ? "failed" : "completed", 1);
    ex.reply(HttpResponseStatus.OK, body);
  }

  private static ObjectNode describe(Job job, String status, double progress) {
    ObjectNode root =
        Json.object()
            .put("job_id", job.id)
            .put("status", status)
            .put("created", job.created)
            .put("progress", Math.round(progress * 100) / 100.0);
    if (status.equals("completed")) {
      root.putObject("result")
          .put("summary", "Workflow finished: " + job.tokens + " tokens generated.")
          .put("tokens", job.tokens);
    } else {
      root.putNull("result");
    }
    if (status.equals("failed")) root.put("error", "the workflow failed (injected error)");
    return root;
  }
}
