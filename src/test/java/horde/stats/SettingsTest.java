package horde.stats;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.CompareSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The typed reading of a result's settings, as this version writes them and as older files hold them. */
class SettingsTest {
  /** As a result file holds them: read back, numbers are Integer or Double and lists hold maps. */
  @SuppressWarnings("unchecked")
  private static Settings fromFile(String json) {
    return Settings.of(JsonMapper.builder().build().readValue(json.replace('\'', '"'), Map.class));
  }

  @Test
  void readsAnOpenRunAsItsFileHoldsIt() {
    Settings s = fromFile("{'model': 'open', 'start_rate': 4.0, 'rates': [{'duration': '1m', 'rate': 24.0}],"
        + " 'arrivals': 'constant', 'max_users': 40, 'warmup': '5s', 'phases': ['a'], 'max_connections': 10,"
        + " 'task_endpoints': {'chat': ['/ask', '/ask']}, 'compare': {'latency_percent': 5.0}}");
    assertThat(s.model()).isEqualTo(Settings.Model.OPEN);
    assertThat(s.startRate()).hasValue(4.0);
    assertThat(s.rates()).containsExactly(new Settings.Rate(Duration.ofMinutes(1), 24));
    assertThat(s.maxUsers()).hasValue(40);
    assertThat(s.hasPhases()).isTrue();
    assertThat(s.maxConnections()).isEqualTo(10);
    assertThat(s.taskEndpoints()).isEqualTo(Map.of("chat", Set.of("/ask")));
    assertThat(s.compare().latencyPercent()).isEqualTo(5.0);
  }

  @Test
  void readsTheOtherModels() {
    assertThat(Settings.of(Map.of("model", "closed", "users", 50)).users()).hasValue(50);
    assertThat(Settings.of(Map.of("model", "stages", "stages", List.of(Map.of("duration", "30s", "users", 80)))).stages())
        .containsExactly(new Settings.Stage(Duration.ofSeconds(30), 80));
    Settings fixed = Settings.of(Map.of("model", "fixed_count", "requests", 1000L, "concurrency", 10));
    assertThat(fixed.model()).isEqualTo(Settings.Model.FIXED_COUNT);
    assertThat(fixed.requests()).hasValue(1000);
    assertThat(fixed.concurrency()).hasValue(10);
  }

  @Test
  void readsAClusterTableWithALostWorker() {
    ClusterTable c = fromFile("{'cluster': {'name': 'lab', 'on_worker_loss': 'continue', 'workers': ["
        + "{'name': 'w1', 'share': '1/2', 'cores': 4, 'requests': 900, 'failures': 3, 'cpu_mean_percent': 40.5,"
        + " 'cpu_peak_percent': 80.0, 'loop_lag_p99_max_ms': 1.5, 'clock_offset_ms': 0.2},"
        + "{'name': 'w2', 'share': '1/2', 'requests': 100, 'lost_at_s': 12.5, 'missed_s': 17.5, 'lost_reason': 'left'}]}}")
        .cluster();
    assertThat(c.name()).isEqualTo("lab");
    assertThat(c.workers()).containsExactly(
        new ClusterTable.Worker("w1", "1/2", 900, 3, 40.5, 80, 1.5, null, 0, null),
        new ClusterTable.Worker("w2", "1/2", 100, 0, 0, 0, 0, 12.5, 17.5, "left"));
    assertThat(c.workers()).extracting(ClusterTable.Worker::lost).containsExactly(false, true);
  }

  @Test
  void absentKeysReadAsAbsent() {
    Settings s = Settings.of(Map.of());
    assertThat(s.model()).isNull();
    assertThat(s.users()).isEmpty();
    assertThat(s.stages()).isEmpty();
    assertThat(s.requests()).isEmpty();
    assertThat(s.concurrency()).isEmpty();
    assertThat(s.startRate()).isEmpty();
    assertThat(s.rates()).isEmpty();
    assertThat(s.maxUsers()).isEmpty();
    assertThat(s.hasPhases()).isFalse();
    assertThat(s.maxConnections()).isZero(); // as "no limit" is written
    assertThat(s.taskEndpoints()).isEmpty();
    assertThat(s.compare()).isEqualTo(CompareSettings.NONE);
    assertThat(s.cluster()).isNull();
  }

  /** A closed run written before max_connections, task_endpoints, compare and cluster existed. */
  @Test
  void anOlderFileReadsWithoutItsNewerKeys() {
    Settings s = fromFile("{'model': 'closed', 'users': 50, 'spawn_rate': 10.0, 'run_time': '30s', 'warmup': '5s',"
        + " 'user_classes': ['chatter:60'], 'threads': 2, 'seed': 1, 'graceful_stop': '10s'}");
    assertThat(s.model()).isEqualTo(Settings.Model.CLOSED);
    assertThat(s.users()).hasValue(50);
    assertThat(s.maxConnections()).isZero();
    assertThat(s.taskEndpoints()).isEmpty();
    assertThat(s.cluster()).isNull();
  }

  /** A file from a newer Horde, or edited by hand, must still give a report. */
  @Test
  void whatDoesNotReadIsAbsent() {
    Settings s = Settings.of(Map.of("model", "spike", "max_users", "lots", "rates", List.of("x", Map.of("duration", "soon"))));
    assertThat(s.model()).isNull();
    assertThat(s.maxUsers()).isEmpty();
    assertThat(s.rates()).containsExactly(new Settings.Rate(Duration.ZERO, 0));
  }
}
