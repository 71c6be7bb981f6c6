package horde.dsl;

import horde.scenario.Step;
import java.util.Arrays;
import java.util.List;

/**
 * Something that builds one step: a request, a think time, a group, a poll, a loop or an if. The
 * flows take step builders and build them when they are built themselves.
 */
@FunctionalInterface
public interface StepBuilder {
  Step build();

  /** A step already built, e.g. one shared between scenarios. */
  static StepBuilder of(Step step) {
    return () -> step;
  }

  static List<Step> buildAll(StepBuilder... steps) {
    return Arrays.stream(steps).map(StepBuilder::build).toList();
  }

  static List<Step> buildAll(List<StepBuilder> steps) {
    return steps.stream().map(StepBuilder::build).toList();
  }
}
