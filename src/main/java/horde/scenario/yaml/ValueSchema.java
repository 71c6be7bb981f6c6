package horde.scenario.yaml;

import static horde.scenario.yaml.SchemaNodes.anyOf;
import static horde.scenario.yaml.SchemaNodes.doc;
import static horde.scenario.yaml.SchemaNodes.listOf;
import static horde.scenario.yaml.SchemaNodes.mapping;
import static horde.scenario.yaml.SchemaNodes.obj;
import static horde.scenario.yaml.SchemaNodes.oneOfWords;
import static horde.scenario.yaml.SchemaNodes.ref;
import static horde.scenario.yaml.SchemaNodes.string;
import static horde.scenario.yaml.SchemaNodes.text;
import static horde.scenario.yaml.SchemaNodes.whole;

import horde.scenario.ThresholdParser;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The schema of values: durations, waits, rates, paths, names, thresholds, grades. */
final class ValueSchema {
  /** A duration as {@link horde.scenario.Durations} reads it. */
  static final String DURATION = "(0|([0-9]+(\\.[0-9]+)?(us|µs|μs|ms|s|m|h))+)";

  private ValueSchema() {}

  /** The threshold grammar (case-insensitive metric names), without anchors. */
  static String threshold() {
    String metrics =
        Stream.concat(ThresholdParser.keys().stream(), Stream.of("p99.9"))
            .map(SchemaNodes::anyCase)
            .collect(Collectors.joining("|"));
    String status =
        SchemaNodes.anyCase("status_")
            + "[1-5]([0-9][0-9]|[xX][xX])_("
            + Stream.of("count", "rate", "per_s").map(SchemaNodes::anyCase).collect(Collectors.joining("|"))
            + ")";
    // a target's series and its statistic: target.queue_depth max, target.pg_seconds p95
    String target = "target\\.[A-Za-z_:][A-Za-z0-9_:]*\\s+(min|max|avg|last|p[0-9]{1,2}(\\.[0-9]+)?)";
    return "\\s*("
        + metrics
        + "|"
        + status
        + "|"
        + target
        + ")\\s*(<=|>=|<|>|==|!=)\\s*\\$?\\s*-?[0-9]+(\\.[0-9]+)?\\s*[0-9a-zA-Zµμ.%/]*\\s*";
  }

  static Map<String, Object> definitions() {
    String d = DURATION;
    return obj(
        "duration",
        doc(
            "A number with a unit: us, ms, s, m, h; parts combine (1m30s); 0 alone is zero.",
            anyOf(string("^\\s*" + d + "\\s*$"), obj("const", 0))),
        "wait",
        doc(
            "Pause after each task: none (default), 2s (or constant 2s), between 1s and 3s, or"
                + " pacing 10s.",
            anyOf(
                string(
                    "^\\s*(none|((constant|pacing)\\s+)?"
                        + d
                        + "|between\\s+"
                        + d
                        + "\\s+and\\s+"
                        + d
                        + ")\\s*$"),
                obj("const", 0))),
        "think",
        doc(
            "A pause: a duration like 2s, or between 1s and 3s.",
            anyOf(
                string(
                    "^\\s*((constant\\s+)?"
                        + d
                        + "|between\\s+"
                        + d
                        + "\\s+and\\s+"
                        + d
                        + ")\\s*$"),
                obj("const", 0))),
        "rate",
        doc(
            "Iterations per second: 50/s, 300/m, 10/h, or a number.",
            anyOf(
                obj("type", "number", "minimum", 0),
                string("^\\s*[0-9]+(\\.[0-9]+)?\\s*(/\\s*[smh])?\\s*$"))),
        "path",
        doc(
            "A path starting with /, or an absolute http:// or https:// URL; templates allowed.",
            string("^\\s*(/|\\$\\{|[hH][tT][tT][pP][sS]?://)")),
        "name",
        doc(
            "Letters, digits and _, not starting with a digit.",
            string("^[A-Za-z_][A-Za-z0-9_]*$")),
        "headers",
        doc(
            "Header names to values (templates allowed).",
            obj(
                "type", "object",
                "propertyNames", string("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"),
                "additionalProperties", text())),
        "strings",
        obj("type", "object", "additionalProperties", text()),
        "statuses",
        doc(
            "A status like 200, or a list like [200, 201].",
            anyOf(whole(100, 599), listOf(whole(100, 599), 1))),
        "threshold",
        doc(
            "metric comparator limit, like p95 < 2s, error_rate < 1%, rps > 100, status_5xx_count == 0."
                + " Metrics: "
                + ThresholdParser.known()
                + ".",
            string("^" + threshold() + "$")),
        "thresholds",
        doc(
            "Criteria on the results: a failed fail-level one fails the test (exit code 1).",
            listOf(
                anyOf(
                    ref("threshold"),
                    mapping(
                        "a threshold",
                        ThresholdReader.KEYS,
                        obj(
                            "expr", ref("threshold"),
                            "endpoint",
                                doc(
                                    "A request's name (or path), a group's or a task's name.",
                                    text()),
                            "level", doc("Default fail.", oneOfWords("fail", "warn"))),
                        "expr")),
                0)),
        "grades",
        doc(
            "A grade table: rows tried in order, like EXCELLENT: avg < 3s; the last may be a"
                + " grade alone (POOR), given otherwise.",
            listOf(ref("gradeRow"), 1)),
        "gradeRow",
        anyOf(
            string("^[^:<>=]+(:" + threshold() + ")?$"),
            obj(
                "type",
                "object",
                "minProperties",
                1,
                "maxProperties",
                1,
                "propertyNames",
                string("^[^:<>=]+$"),
                "additionalProperties",
                anyOf(
                    ref("threshold"),
                    mapping(
                        "a grade's condition",
                        GradeReader.CONDITION_KEYS,
                        obj("expr", ref("threshold"), "endpoint", text()),
                        "expr")))));
  }
}
