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

import java.util.Map;

/** The schema of {@code monitor} (the target's Prometheus endpoints) and {@code load.search}. */
final class MonitorSchema {
  private static final String URL = "^\\s*[hH][tT][tT][pP][sS]?://";

  private MonitorSchema() {}

  static Map<String, Object> definitions() {
    Map<String, Object> series = doc("A metric kept under its own name, or {name: query} with rate(),"
        + " histogram_quantile(), sum()... and + - * /.", anyOf(string("^[A-Za-z_:][A-Za-z0-9_:]*$"),
            obj("type", "object", "minProperties", 1, "maxProperties", 1, "propertyNames",
                string("^[A-Za-z_:][A-Za-z0-9_:]*$"), "additionalProperties", text())));
    Map<String, Object> endpoint = anyOf(string(URL), mapping("an endpoint", MonitorReader.SOURCE_KEYS, obj(
        "url", doc("The /metrics URL.", string(URL)),
        "series", doc("The series to keep; default: every gauge and counter, up to limit.", listOf(series, 0)),
        "limit", doc("Most series found when series is left out; default 100.", whole(1, 10_000)),
        "timeout", doc("How long a scrape may take; default: every.", ref("duration"))), "url"));
    return obj(
        "monitor",
        doc("The target's own metrics: Prometheus endpoints scraped onto the run's timeline, judged as"
            + " target.SERIES STAT in thresholds.", mapping("monitor", MonitorReader.KEYS, obj(
                "every", doc("How often each endpoint is scraped; default 1s.", ref("duration")),
                "prometheus", doc("The endpoints: a URL, or {url, series, limit, timeout}.", listOf(endpoint, 1))),
                "prometheus")),
        "search",
        doc("Capacity search: steps of rising users or rate, judged by the thresholds, to find the knee.",
            mapping("search", SearchReader.KEYS, obj(
                "users", doc("The range of users, like 10..2000.", string("^\\s*[0-9]+\\s*\\.\\.\\s*[0-9]+\\s*$")),
                "rate", doc("The range of rates, like 1/s..500/s.",
                    string("^\\s*[0-9.]+\\s*(/\\s*[smh])?\\s*\\.\\.\\s*[0-9.]+\\s*(/\\s*[smh])?\\s*$")),
                "step", doc("How long each level runs; default 30s.", ref("duration")),
                "warmup", doc("The first part of each step, left out; default 5s.", ref("duration")),
                "factor", doc("Growth of each rung of the ladder; default 2.", obj("type", "number",
                    "exclusiveMinimum", 1)),
                "precision", doc("Bisection stops within this share of the knee; default 10%.", string("^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$")),
                "margin", doc("How far past a limit stops a step early; default 2 (twice).", obj("type", "number",
                    "exclusiveMinimum", 1)),
                "max_steps", doc("Most steps in all; default 20.", whole(1, 1000)),
                "at_least", doc("The knee needed for the run to pass: users, or a rate.", anyOf(obj("type",
                    "number", "minimum", 0), ref("rate"))),
                "spawn_rate", doc("Users: started per second in each step; default all at once.", obj("type",
                    "number", "minimum", 0)),
                "max_users", doc("Rate: most users at once; default 1000.", whole(1, LoadReader.MAX_USERS)),
                "arrivals", doc("Rate: constant (default) or poisson.", oneOfWords(
                    Arrivals.KINDS.toArray(String[]::new)))))));
  }
}
