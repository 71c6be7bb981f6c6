package horde.dsl;

import horde.scenario.Check;
import horde.scenario.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repeats a request every interval until its conditions hold on the response, giving up after a
 * timeout (the failure reason {@code poll timeout}). The request's own checks and saves apply to
 * the last response. Start one with {@link Dsl#poll}.
 *
 * <pre>{@code
 * poll(get("/api/jobs/${job_id}").name("/api/jobs/[id]").save("summary", "$.result.summary"))
 *     .until(jsonPath("$.status").oneOf("completed", "failed"))
 *     .every("2s")
 *     .timeout("60s")
 * }</pre>
 */
public final class PollBuilder implements StepBuilder {
  /** Defaults as in a scenario file: every second, for at most a minute. */
  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

  private final RequestBuilder request;
  private final List<Check> until = new ArrayList<>();
  private Duration every = DEFAULT_EVERY;
  private Duration timeout = DEFAULT_TIMEOUT;

  PollBuilder(RequestBuilder request) {
    this.request = request;
  }

  /** The conditions that end the poll; all must hold. */
  public PollBuilder until(Check... conditions) {
    until.addAll(Arrays.asList(conditions));
    return this;
  }

  /** Time between the starts of attempts; 0 sends the next attempt at once. */
  public PollBuilder every(Duration interval) {
    every = Times.notNegative(interval, "every");
    return this;
  }

  public PollBuilder every(String interval) {
    return every(Times.parse(interval, "every"));
  }

  /** How long to keep trying before the poll fails with {@code poll timeout}. */
  public PollBuilder timeout(Duration d) {
    timeout = Times.positive(d, "timeout");
    return this;
  }

  public PollBuilder timeout(String d) {
    return timeout(Times.parse(d, "timeout"));
  }

  @Override
  public Poll build() {
    return new Poll(request.build(), until, every, timeout, null);
  }
}
