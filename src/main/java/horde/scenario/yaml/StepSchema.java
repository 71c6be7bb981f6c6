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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The schema of tasks and steps: requests, checks, saves, think, group, poll, loop and if. */
final class StepSchema {
  private StepSchema() {}

  static Map<String, Object> definitions() {
    return obj(
        "tasks",
        doc("What the user repeats, one task at a time, chosen by weight.", listOf(ref("task"), 1)),
        "task",
        doc(
            "A task: a named list of steps, or a single request (with weight and name).",
            anyOf(
                request("a one-request task", Set.of("weight")),
                mapping(
                    "a task",
                    TaskReader.TASK_KEYS,
                    obj(
                        "name", doc("Default task1, task2... by position.", text()),
                        "weight",
                            doc("Relative chance of being chosen; default 1.", whole(0, 1_000_000)),
                        "steps", ref("steps")),
                    "steps"))),
        "steps",
        listOf(ref("step"), 1),
        "optionalSteps",
        listOf(ref("step"), 0),
        "step",
        doc(
            "A request (get: /path ...), think, group, poll, loop, if, or a WebSocket step (ws, ws_send, ws_await, ws_close).",
            anyOf(
                request("a request", Set.of()),
                mapping("a think step", Set.of("think"), obj("think", ref("think")), "think"),
                mapping(
                    "a group",
                    FlowReader.GROUP_KEYS,
                    obj(
                        "group",
                            doc(
                                "A transaction: its steps are timed end to end as a metric of"
                                    + " this name.",
                                text()),
                        "steps", ref("steps")),
                    "group",
                    "steps"),
                poll(),
                loop(),
                branch(),
                WsSchema.connect(),
                WsSchema.send(),
                WsSchema.await(),
                WsSchema.close())),
        "checks",
        doc(
            "Conditions on the response; one that does not hold fails the request.",
            mapping(
                "a check",
                CheckReader.CHECK_KEYS,
                obj(
                    "status", ref("statuses"),
                    "json",
                        doc(
                            "JSONPaths to present, absent, a value, or a list of values (one"
                                + " of).",
                            obj(
                                "type", "object",
                                "propertyNames", string("^\\$"),
                                "additionalProperties",
                                    anyOf(
                                        type("string"),
                                        type("number"),
                                        type("boolean"),
                                        listOf(
                                            obj("type", List.of("string", "number", "boolean")),
                                            1)))),
                    "body_contains", anyOf(text(), listOf(text(), 1)),
                    "header",
                        doc("Header names to present or the value it must have.", ref("strings")),
                    "max_latency", ref("duration")))),
        "saves",
        doc(
            "Values saved from the response into the user's variables: a JSONPath like $.id, or"
                + " {json: PATH}, {header: NAME}, {regex: PATTERN}, {cookie: NAME} (a cookie the answer sets).",
            obj(
                "type", "object",
                "propertyNames", ref("name"),
                "additionalProperties",
                    anyOf(
                        string("^\\$"),
                        obj(
                            "allOf",
                            List.of(
                                mapping(
                                    "a save",
                                    SaveReader.KEYS,
                                    obj("json", string("^\\$"), "header", text(), "regex", text(), "cookie", text())),
                                obj("minProperties", 1, "maxProperties", 1)))))));
  }

  /** A request mapping: a method key with a path, and the request's keys plus {@code extra}. */
  static Map<String, Object> request(String what, Set<String> extra) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String m : RequestReader.METHOD_KEYS)
      props.put(m, doc(m.toUpperCase(Locale.ROOT) + " this path.", ref("path")));
    props.put(
        "name",
        doc("The endpoint its metrics are grouped under; default: the path as written.", text()));
    props.put("headers", ref("headers"));
    props.put("query", doc("Query parameters (templates allowed).", ref("strings")));
    props.put(
        "json",
        doc(
            "A JSON body: any YAML value; templates in strings are escaped.",
            obj("not", type("null"))));
    props.put("body", doc("A body sent as written (templates allowed).", text()));
    props.put("content_type", doc("The Content-Type of body; default text/plain.", text()));
    props.put("form", doc("An application/x-www-form-urlencoded body.", ref("strings")));
    props.put("timeout", doc("Default: defaults.timeout (30s).", ref("duration")));
    props.put("check", ref("checks"));
    props.put(
        "expect_status", doc("4xx/5xx statuses that are not failures, like 429.", ref("statuses")));
    props.put("save", ref("saves"));
    props.putAll(LlmSchema.requestProperties());
    if (extra.contains("weight"))
      props.put("weight", doc("Relative chance of being chosen; default 1.", whole(0, 1_000_000)));
    Set<String> keys = new HashSet<>(RequestReader.keys(extra));
    Map<String, Object> out = mapping(what, keys, props);
    out.put(
        "anyOf", RequestReader.METHOD_KEYS.stream().map(m -> obj("required", List.of(m))).toList());
    return out;
  }

  private static Map<String, Object> poll() {
    return mapping(
        "a poll",
        FlowReader.POLL_KEYS,
        obj(
            "poll",
                doc(
                    "The request to repeat: a path (GET) or a request mapping; its own check and"
                        + " save apply to the last answer.",
                    anyOf(ref("path"), request("a polled request", Set.of()))),
            "until", doc("The conditions that end the poll (the keys of check).", ref("checks")),
            "every", doc("Time between attempts; default 1s.", ref("duration")),
            "timeout",
                doc(
                    "Give up after this long (failure: poll timeout); default 1m.",
                    ref("duration"))),
        "poll",
        "until");
  }

  private static Map<String, Object> loop() {
    return mapping(
        "a loop",
        FlowReader.LOOP_KEYS,
        obj(
            "loop",
                doc(
                    "A count, or {over: FEEDER}: once per row of the feeder, in file order.",
                    anyOf(
                        whole(1, FlowReader.MAX_LOOP),
                        mapping(
                            "a loop over rows",
                            FlowReader.LOOP_OVER_KEYS,
                            obj("over", text()),
                            "over"))),
            "steps", ref("steps")),
        "loop",
        "steps");
  }

  private static Map<String, Object> branch() {
    Map<String, Object> condition =
        mapping(
            "a condition",
            FlowReader.CONDITION_KEYS,
            obj(
                "var", doc("A variable: declared, saved, or given by setup.", ref("name")),
                "equals", text(),
                "in", listOf(text(), 1),
                "is", oneOfWords("present", "absent")),
            "var");
    condition.put(
        "anyOf",
        List.of(
            obj("required", List.of("equals")),
            obj("required", List.of("in")),
            obj("required", List.of("is"))));
    return mapping(
        "an if",
        FlowReader.IF_KEYS,
        obj(
            "if",
                doc(
                    "{var: NAME, equals: VALUE}, {var: NAME, in: [...]} or {var: NAME, is:"
                        + " present|absent}.",
                    condition),
            "steps", doc("Run when the condition holds.", ref("steps")),
            "else", doc("Run when it does not.", ref("steps"))),
        "if",
        "steps");
  }
}
