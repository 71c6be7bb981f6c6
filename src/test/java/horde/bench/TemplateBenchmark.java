package horde.bench;

import horde.template.BoundTemplate;
import horde.template.JsonTemplate;
import horde.template.Scope;
import horde.template.Symbols;
import horde.template.UnsetValueException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Rendering a chat-completions body with four values, one holding quotes. {@code bench/jmh.sh Template}. */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateBenchmark {
  final String[] vars = {"gpt-4o-mini", "c-123", "Say \"hello\" to the\nworld", "0.7"};
  final SplittableRandom random = new SplittableRandom(1);
  final StringBuilder out = new StringBuilder(512);
  final BoundTemplate body = JsonTemplate.compile(Map.of(
      "model", "${model}", "conversation", "${conv}", "temperature", "${temp}",
      "messages", List.of(Map.of("role", "user", "content", "${prompt}"))), new Names());

  final Scope scope = new Scope() {
    public String variable(int slot) {
      return vars[slot];
    }

    public String feederValue(int feeder, int column) {
      return null;
    }

    public long userId() {
      return 1;
    }

    public long iteration() {
      return 1;
    }

    public RandomGenerator random() {
      return random;
    }
  };

  @Benchmark
  public int renderJsonBody() throws UnsetValueException {
    out.setLength(0);
    body.render(scope, out);
    return out.length();
  }

  static final class Names implements Symbols {
    final List<String> names = List.of("model", "conv", "prompt", "temp");

    public OptionalInt variable(String name) {
      int i = names.indexOf(name);
      return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public Optional<FeederColumns> feeder(String name) {
      return Optional.empty();
    }

    public Optional<String> environment(String name) {
      return Optional.empty();
    }

    public AtomicLong counter() {
      return new AtomicLong();
    }
  }
}
