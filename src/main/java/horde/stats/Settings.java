package horde.stats;

import horde.scenario.CompareSettings;
import horde.scenario.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A run's settings read through their keys: the result's {@code settings} (and each phase's) stay
 * a map, as written when the run ends and as read back from files of any version; this names each
 * key once, for the writers, and reads it typed, for everyone else. A key an older file lacks, or a
 * value that does not read, is absent. It sits beside {@link RunStats} so that criteria and compare,
 * which come before the result in the pipeline, can read it too.
 *
 * <pre>{@code
 * settings.put(Settings.MAX_CONNECTIONS, 10);           // the writer
 * long limit = Settings.of(settings).maxConnections();  // a reader: 10, or 0 (no limit) in an older file
 * }</pre>
 */
public final class Settings {
  // The load, as a run's and each phase's settings hold it.
  public static final String MODEL = "model";
  public static final String USERS = "users";
  public static final String SPAWN_RATE = "spawn_rate";
  public static final String RUN_TIME = "run_time";
  public static final String STAGES = "stages";
  public static final String REQUESTS = "requests";
  public static final String CONCURRENCY = "concurrency";
  public static final String START_RATE = "start_rate";
  public static final String RATES = "rates";
  public static final String ARRIVALS = "arrivals";
  public static final String MAX_USERS = "max_users";
  public static final String WARMUP = "warmup";
  /** Of each of the {@link #STAGES} (with {@link #USERS}) and {@link #RATES} (with {@link #RATE}). */
  public static final String DURATION = "duration";
  public static final String RATE = "rate";
  // The run's alone.
  public static final String PHASES = "phases";
  public static final String SEARCH = "search";
  public static final String USER_CLASSES = "user_classes";
  public static final String THREADS = "threads";
  public static final String SEED = "seed";
  public static final String GRACEFUL_STOP = "graceful_stop";
  public static final String MAX_CONNECTIONS = "max_connections";
  public static final String HTTP_VERSION = "http_version";
  public static final String MAX_STREAMS = "max_streams";
  public static final String TASK_ENDPOINTS = "task_endpoints";
  public static final String COMPARE = "compare";
  public static final String CLUSTER = "cluster";

  /** The load model, by the word {@link #MODEL} holds. */
  public enum Model {
    CLOSED("closed"),
    STAGES("stages"),
    FIXED_COUNT("fixed_count"),
    USER_SHAPE("user_shape"),
    RATE_SHAPE("rate_shape"),
    OPEN("open");

    private final String word;

    Model(String word) {
      this.word = word;
    }

    /** As the settings hold it. */
    public String word() {
      return word;
    }
  }

  /** A stage of the staged model: {@code users} reached over {@code duration}. */
  public record Stage(Duration duration, long users) {}

  /** A stage of the open model: {@code rate} arrivals per second reached over {@code duration}. */
  public record Rate(Duration duration, double rate) {}

  private final Map<String, ?> map;

  private Settings(Map<String, ?> map) {
    this.map = map;
  }

  /** @param settings as the result holds them */
  public static Settings of(Map<String, ?> settings) {
    return new Settings(settings);
  }

  /** The load model; null when absent, or a word this version does not know. */
  public Model model() {
    for (Model m : Model.values()) if (m.word.equals(map.get(MODEL))) return m;
    return null;
  }

  /** The closed model's users. */
  public OptionalLong users() {
    return whole(map.get(USERS));
  }

  /** The staged model's stages; empty when absent. */
  public List<Stage> stages() {
    return maps(map.get(STAGES)).stream().map(m -> new Stage(duration(m), whole(m.get(USERS)).orElse(0))).toList();
  }

  /** The fixed-count model's requests in all. */
  public OptionalLong requests() {
    return whole(map.get(REQUESTS));
  }

  /** The fixed-count model's users at once. */
  public OptionalLong concurrency() {
    return whole(map.get(CONCURRENCY));
  }

  /** The open model's arrivals per second at the start. */
  public OptionalDouble startRate() {
    return map.get(START_RATE) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /** The open model's stages; empty when absent. */
  public List<Rate> rates() {
    return maps(map.get(RATES)).stream().map(m -> new Rate(duration(m), number(m.get(RATE)))).toList();
  }

  /** The open (and rate-shape) model's most users at once. */
  public OptionalLong maxUsers() {
    return whole(map.get(MAX_USERS));
  }

  /** A run of phases: each phase's load is in its own settings, not these. */
  public boolean hasPhases() {
    return map.containsKey(PHASES);
  }

  /** {@code http.max_connections}; 0 when absent, which is also what "no limit" is written as. */
  public long maxConnections() {
    return whole(map.get(MAX_CONNECTIONS)).orElse(0);
  }

  /** Task name to the endpoint names its steps use; empty when absent. */
  public Map<String, Set<String>> taskEndpoints() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (map.get(TASK_ENDPOINTS) instanceof Map<?, ?> m) {
      m.forEach((task, names) -> {
        if (names instanceof Collection<?> c) out.put(String.valueOf(task), strings(c));
      });
    }
    return out;
  }

  /** The scenario's compare section as run; {@link CompareSettings#NONE} when absent. */
  public CompareSettings compare() {
    return CompareSettings.fromMap(map.get(COMPARE));
  }

  /** A cluster run's workers; null for a run on one machine. */
  public ClusterTable cluster() {
    return map.get(CLUSTER) instanceof Map<?, ?> m ? ClusterTable.of(m) : null;
  }

  static OptionalLong whole(Object o) {
    return o instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
  }

  /** 0 when absent. */
  static double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  /** The maps in a list; what is not one is left out. */
  static List<Map<?, ?>> maps(Object list) {
    if (!(list instanceof List<?> l)) return List.of();
    return l.stream().<Map<?, ?>>mapMulti((o, out) -> {
      if (o instanceof Map<?, ?> m) out.accept(m);
    }).toList();
  }

  /** A stage's {@link #DURATION}, zero when it does not read (a file edited by hand). */
  private static Duration duration(Map<?, ?> stage) {
    try {
      return Durations.parseSecondsDefault(String.valueOf(stage.get(DURATION)));
    } catch (IllegalArgumentException e) {
      return Duration.ZERO;
    }
  }

  private static Set<String> strings(Collection<?> c) {
    Set<String> out = new LinkedHashSet<>();
    for (Object o : c) out.add(String.valueOf(o));
    return out;
  }
}
