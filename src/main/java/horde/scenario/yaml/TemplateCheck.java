package horde.scenario.yaml;

import horde.template.Symbols;
import horde.template.Template;
import horde.template.TemplateSyntaxException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Checks the {@code ${...}} templates in a scalar: their syntax and the arguments of built-ins.
 * Whether the names they use are defined is the planner's business, so every name is accepted here.
 */
final class TemplateCheck {
  /** Names mean anything: only syntax and built-in arguments can fail. */
  private static final Symbols ANY_NAME =
      new Symbols() {
        @Override
        public OptionalInt variable(String name) {
          return OptionalInt.of(0);
        }

        @Override
        public Optional<FeederColumns> feeder(String name) {
          return Optional.empty();
        }

        @Override
        public Optional<String> environment(String name) {
          return Optional.of("");
        }

        @Override
        public AtomicLong counter() {
          return new AtomicLong();
        }
      };

  private TemplateCheck() {}

  static void check(Problems p, ScalarNode node) {
    String text = node.getValue();
    if (!text.contains("${")) return;
    try {
      Template.parse(text).bind(ANY_NAME);
    } catch (TemplateSyntaxException e) {
      p.add(node, e.offset(), "bad template: " + e.getMessage());
    }
  }
}
