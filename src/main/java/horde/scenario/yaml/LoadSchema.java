package horde.scenario.yaml;

import static horde.scenario.yaml.SchemaNodes.anyOf;
import static horde.scenario.yaml.SchemaNodes.doc;
import static horde.scenario.yaml.SchemaNodes.listOf;
import static horde.scenario.yaml.SchemaNodes.mapping;
import static horde.scenario.yaml.SchemaNodes.obj;
import static horde.scenario.yaml.SchemaNodes.oneOfWords;
import static horde.scenario.yaml.SchemaNodes.ref;
import static horde.scenario.yaml.SchemaNodes.text;
import static horde.scenario.yaml.SchemaNodes.whole;

import java.util.List;
import java.util.Map;

/** The schema of {@code load} and {@code phases}. */
final class LoadSchema {
  private LoadSchema() {}

  static Map<String, Object> definitions() {
    long max = LoadReader.MAX_USERS;
    Map<String, Object> load =
        mapping(
            "load",
            LoadReader.KEYS,
            obj(
                "users",
                    doc("Closed model: this many users, each repeating its tasks.", whole(1, max)),
                "spawn_rate",
                    doc(
                        "Users started per second; default: all at once.",
                        obj("type", "number", "exclusiveMinimum", 0)),
                "run_time", doc("Default 10s.", ref("duration")),
                "stages",
                    doc(
                        "Ramps from stage to stage, from zero: {duration, users}, or {duration,"
                            + " rate} for arrival rates.",
                        listOf(
                            anyOf(
                                mapping(
                                    "a stage",
                                    LoadReader.STAGE_KEYS,
                                    obj("duration", ref("duration"), "users", whole(0, max)),
                                    "duration",
                                    "users"),
                                mapping(
                                    "a stage of rates",
                                    Arrivals.STAGE_KEYS,
                                    obj("duration", ref("duration"), "rate", ref("rate")),
                                    "duration",
                                    "rate")),
                            1)),
                "requests",
                    doc(
                        "Fixed count: this many requests in all.",
                        obj("type", "integer", "minimum", 1)),
                "concurrency", doc("Users sending the requests; default 1.", whole(1, max)),
                "max_time", doc("Stop even if not done; default 1h.", ref("duration")),
                "arrival_rate",
                    doc(
                        "Open model: iterations started per second whatever the target's speed,"
                            + " like 50/s.",
                        ref("rate")),
                "start_rate", doc("The rate stages of rates ramp from; default 0.", ref("rate")),
                "max_users",
                    doc(
                        "Open model: most users running iterations at once; default 1000.",
                        whole(1, max)),
                "arrivals",
                    doc(
                        "Open model: evenly spaced (constant, default) or a Poisson process.",
                        oneOfWords(Arrivals.KINDS.toArray(String[]::new))),
                "warmup",
                    doc(
                        "The first part of the run, left out of the statistics: a duration (30s), or a count"
                            + " (20 requests: the whole seconds until that many have completed).",
                        anyOf(ref("duration"), SchemaNodes.string("^\\s*[0-9]+\\s*requests?\\s*$"))),
                "search", ref("search")));
    load.put(
        "anyOf", LoadReader.MODES.stream().sorted().map(m -> obj("required", List.of(m))).toList());
    return obj(
        "load",
        load,
        "phase",
        doc(
            "One run of the sequence.",
            mapping(
                "a phase",
                PhaseReader.KEYS,
                obj(
                    "name", doc("Default phase1, phase2... by position.", text()),
                    "load", ref("load"),
                    "thresholds", ref("thresholds"),
                    "grades", ref("grades")),
                "load")));
  }
}
