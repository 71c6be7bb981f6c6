package horde.scenario.yaml;

import static horde.scenario.yaml.SchemaNodes.anyOf;
import static horde.scenario.yaml.SchemaNodes.doc;
import static horde.scenario.yaml.SchemaNodes.mapping;
import static horde.scenario.yaml.SchemaNodes.obj;
import static horde.scenario.yaml.SchemaNodes.oneOfWords;
import static horde.scenario.yaml.SchemaNodes.ref;
import static horde.scenario.yaml.SchemaNodes.string;

import horde.scenario.CompareSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** The schema of the top-level {@code compare} section ({@link CompareReader}). */
final class CompareSchema {
  private CompareSchema() {}

  static Map<String, Object> definitions() {
    Map<String, Object> levels = new LinkedHashMap<>();
    for (String m : CompareSettings.MEASURES) levels.put(m, oneOfWords(CompareReader.LEVELS.toArray(String[]::new)));
    Map<String, Object> levelMap = obj("type", "object", "properties", levels, "additionalProperties", false);
    return obj(
        "compare",
        doc(
            "How horde compare judges this scenario's runs against a baseline: how large a change must"
                + " be to count, the confidence of the intervals, and what a regression of each measure does."
                + " See docs/compare.md.",
            mapping(
                "compare",
                CompareReader.KEYS,
                obj(
                    "tolerance",
                        mapping(
                            "compare.tolerance",
                            CompareReader.TOLERANCE_KEYS,
                            obj(
                                "latency", doc("A latency percentile's change counts above this share of the baseline; default 5%.", percent()),
                                "latency_min", doc("...and above this much; default 5ms.", ref("duration")),
                                "error_rate", doc("An error rate's change counts above this many percentage points; default 0.5%.", percent()),
                                "throughput", doc("A throughput change counts above this share; default 5%.", percent()))),
                    "confidence", doc("Of every interval, above 50% and below 100%; default 99%.", percent()),
                    "levels",
                        doc(
                            "Per measure: fail (a regression fails the comparison, exit 1; the default), warn"
                                + " (reported, exit 0) or off (not judged).",
                            levelMap)))));
  }

  private static Map<String, Object> percent() {
    return anyOf(obj("type", "number", "minimum", 0), string("^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"));
  }
}
