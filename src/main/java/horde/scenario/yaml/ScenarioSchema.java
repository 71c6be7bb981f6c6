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
import static horde.scenario.yaml.SchemaNodes.type;
import static horde.scenario.yaml.SchemaNodes.whole;

import horde.scenario.HttpSettings;
import horde.scenario.Sizes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema of the scenario format, for editors (VS Code's YAML extension, IntelliJ) to
 * complete and check scenario files. It is generated from the loader's own key sets — a mapping
 * whose keys differ from what its reader accepts fails the generation — and committed as {@code
 * docs/scenario.schema.json}; {@code horde schema} prints it.
 *
 * <p>The schema is a helper for editors: the loader stays the judge (it also checks what a schema
 * cannot say, such as a warm-up shorter than the run).
 */
public final class ScenarioSchema {
  private ScenarioSchema() {}

  /** The schema as JSON text, two-space indented, ending with a new line. */
  public static String json() {
    DefaultIndenter lines = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER));
    pretty.indentObjectsWith(lines);
    pretty.indentArraysWith(lines);
    return JsonMapper.builder().build().writer().with(pretty).writeValueAsString(schema()) + "\n";
  }

  static Map<String, Object> schema() {
    Map<String, Object> top =
        doc(
            "A Horde load-test scenario: who the virtual users are, what they do, how much load,"
                + " and what must hold. See docs/scenario-format.md.",
            mapping(
                "the top level",
                ScenarioReader.KEYS,
                obj(
                    "name", doc("The scenario's name; default: the file name.", text()),
                    "target",
                        doc(
                            "Base URL that request paths are relative to, like"
                                + " http://127.0.0.1:8000; --host replaces it.",
                            string("^\\s*[hH][tT][tT][pP][sS]?://")),
                    "preflight", ref("preflight"),
                    "http", ref("http"),
                    "defaults", ref("defaults"),
                    "variables",
                        doc(
                            "Constants templates use as ${name}.",
                            obj(
                                "type", "object",
                                "propertyNames", ref("name"),
                                "additionalProperties", text())),
                    "feeders",
                        doc(
                            "Data files whose rows feed templates as ${feeder.column}.",
                            obj(
                                "type", "object",
                                "propertyNames", ref("name"),
                                "additionalProperties", ref("feeder"))),
                    "users",
                        doc(
                            "User classes: kinds of virtual users, each with its share, pace and"
                                + " tasks.",
                            listOf(ref("user"), 1)),
                    "tasks", doc("Shorthand for one user class with these tasks.", ref("tasks")),
                    "setup",
                        doc(
                            "Steps run once before the load (log in, create a tenant); what they"
                                + " save is every user's starting value. A failure aborts the"
                                + " test.",
                            ref("steps")),
                    "teardown", doc("Steps run once after the load.", ref("steps")),
                    "load", doc("How much load, for how long (one run).", ref("load")),
                    "thresholds", ref("thresholds"),
                    "grades", ref("grades"),
                    "llm", ref("llm"),
                    "compare", ref("compare"),
                    "monitor", ref("monitor"),
                    "phases",
                        doc(
                            "Named runs executed in order, each with its own load, thresholds and"
                                + " grades (instead of load).",
                            listOf(ref("phase"), 1)))));
    top.put("patternProperties", obj("^x-", doc("Free: a place for YAML anchors.", obj())));
    top.put("anyOf", List.of(obj("required", List.of("users")), obj("required", List.of("tasks"))));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("$schema", "http://json-schema.org/draft-07/schema#");
    out.put("title", "Horde scenario");
    out.putAll(top);
    Map<String, Object> definitions = new LinkedHashMap<>();
    definitions.putAll(ValueSchema.definitions());
    definitions.putAll(sections());
    definitions.putAll(StepSchema.definitions());
    definitions.putAll(WsSchema.definitions());
    definitions.putAll(LoadSchema.definitions());
    definitions.putAll(LlmSchema.definitions());
    definitions.putAll(CompareSchema.definitions());
    definitions.putAll(MonitorSchema.definitions());
    out.put("definitions", definitions);
    return out;
  }

  private static Map<String, Object> sections() {
    return obj(
        "preflight",
        doc(
            "Checked once before any load (exit code 3 when it fails): a path that must answer"
                + " 2xx, false for none, or {path, timeout}; default: a TCP connect.",
            anyOf(
                type("boolean"),
                ref("path"),
                mapping(
                    "preflight",
                    ScenarioReader.PREFLIGHT_KEYS,
                    obj(
                        "path", ref("path"),
                        "timeout", doc("Default 5s.", ref("duration")))))),
        "http",
        doc(
            "Client-side HTTP settings for the whole test.",
            mapping(
                "http",
                ScenarioReader.HTTP_KEYS,
                obj(
                    "max_connections",
                        doc(
                            "Connections per target host across all users; 0 = no limit"
                                + " (default).",
                            whole(0, Integer.MAX_VALUE)),
                    "connect_timeout", doc("Default 10s.", ref("duration")),
                    "insecure", doc("Accept any TLS certificate; default false.", type("boolean")),
                    "max_redirects", doc("Redirects followed; default 5.", whole(0, 100)),
                    "gzip", doc("Ask for gzip and decompress; default true.", type("boolean")),
                    "max_body",
                        doc(
                            "Largest answer body kept for checks and saves; a longer one fails"
                                + " as body too large. Bytes, or 512KB, 10MB, 1GB (1024-based);"
                                + " default 10MB.",
                            anyOf(
                                string("^\\s*" + Sizes.PATTERN + "\\s*$"),
                                whole(1, HttpSettings.MOST_MAX_BODY))),
                    "cookies",
                        doc(
                            "A cookie jar per user (RFC 6265): true (default; emptied when the"
                                + " user starts over), false, or per_iteration (emptied before"
                                + " each iteration).",
                            anyOf(type("boolean"), oneOfWords("per_iteration"))),
                    "version",
                        doc(
                            "The HTTP version: 1.1 (default), 2 (h2 over TLS by ALPN, h2c with"
                                + " prior knowledge over http://), or auto (h2 when a TLS target"
                                + " offers it, else 1.1).",
                            obj("enum", List.of("1.1", "2", "auto", 1.1, 2))),
                    "max_streams",
                        doc(
                            "Over HTTP/2, requests in flight on one connection; the server's"
                                + " SETTINGS_MAX_CONCURRENT_STREAMS may allow fewer. Default 100.",
                            whole(1, Integer.MAX_VALUE))))),
        "defaults",
        doc(
            "Headers and a timeout every request gets unless it says otherwise.",
            mapping(
                "defaults",
                ScenarioReader.DEFAULTS_KEYS,
                obj(
                    "headers", ref("headers"),
                    "timeout", doc("Default 30s.", ref("duration"))))),
        "feeder",
        doc(
            "A CSV or JSON-lines file: its path (read in order), or {file, order, format}.",
            anyOf(
                text(),
                mapping(
                    "a feeder",
                    FeederReader.KEYS,
                    obj(
                        "file", doc("Relative to the scenario file's folder.", text()),
                        "order",
                            doc(
                                "sequential (default) and random draw a row per iteration;"
                                    + " unique gives each user its own row.",
                                oneOfWords(FeederReader.ORDERS.toArray(String[]::new))),
                        "format",
                            doc(
                                "Default: from the extension (.jsonl, .ndjson: jsonl).",
                                oneOfWords(FeederReader.FORMATS.toArray(String[]::new)))),
                    "file"))),
        "user",
        doc(
            "A user class.",
            mapping(
                "a user class",
                UserReader.KEYS,
                obj(
                    "name",
                        doc(
                            "Default user1, user2... by position; --user-classes selects by"
                                + " name.",
                            text()),
                    "weight", doc("Share of the users; default 1.", whole(0, 1_000_000)),
                    "wait", ref("wait"),
                    "on_start", doc("Steps done once when the user starts.", ref("optionalSteps")),
                    "tasks", ref("tasks"),
                    "on_stop", doc("Steps done once when the user stops.", ref("optionalSteps"))),
                "tasks")));
  }
}
