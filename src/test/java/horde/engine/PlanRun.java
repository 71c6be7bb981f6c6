package horde.engine;

import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.record.Samples;
import horde.scenario.yaml.ScenarioLoader;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** A scenario written as YAML, planned and run by the engine, and what it recorded, by endpoint. */
record PlanRun(TestPlan plan, IntervalSnapshot recorded, Samples samples) {
  static PlanRun of(String yaml) throws Exception {
    TestPlan plan = new Planner(Map.of()).plan(ScenarioLoader.parse(yaml, "test.yaml", null));
    try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
      engine.start();
      engine.await();
      return new PlanRun(plan, engine.recorded(), engine.samples());
    }
  }

  int id(String method, String name) {
    return plan.endpoints().stream().filter(e -> e.method().equals(method) && e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no endpoint " + method + " " + name + " in " + plan.endpoints())).id();
  }

  long count(String method, String name, int counter) {
    return recorded.counter(id(method, name), counter);
  }

  long failures(String method, String name, String reason) {
    int r = plan.reasons().find(reason);
    return r < 0 ? 0 : recorded.reasonCount(id(method, name), r);
  }

  String sample(String method, String name, String reason) {
    int r = plan.reasons().find(reason);
    return r < 0 ? null : samples.get(id(method, name), r);
  }

  Histogram histogram(String method, String name, int measure) {
    return recorded.histogramFor(id(method, name), measure);
  }
}
