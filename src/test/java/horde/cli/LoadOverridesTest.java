package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.scenario.LoadProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --warmup} as a time or as a count of requests, over what the file says. */
class LoadOverridesTest {
  private static final LoadProfile FILE = new LoadProfile.Closed(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(10));

  private static LoadOverrides warmup(Integer users, String warmup) {
    return new LoadOverrides(users, null, null, null, null, warmup);
  }

  @Test
  void aCountReplacesTheFilesTimeAndATimeTheFilesCount() {
    assertThat(warmup(null, "20requests").apply(FILE))
        .isEqualTo(new LoadProfile.Closed(5, 5, Duration.ofMinutes(1), Duration.ZERO, 20));
    assertThat(warmup(null, "15s").apply(FILE.withWarmupRequests(20)))
        .isEqualTo(new LoadProfile.Closed(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(15), 0));
    assertThat(warmup(50, null).apply(FILE.withWarmupRequests(20)).warmupRequests()).as("the file's count stays")
        .isEqualTo(20);
    assertThatThrownBy(() -> warmup(null, "soon").apply(FILE)).hasMessageContaining("or a count like 20requests");
  }
}
