package horde.engine;

import static horde.protocol.sse.SseParserBenchmark.direct;

import horde.plan.FailureReasons;
import horde.plan.Planner;
import horde.plan.RequestPlan;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import horde.scenario.yaml.ScenarioLoader;
import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reading a streamed OpenAI answer costs its event loop beyond the SSE parser: sixteen chunks
 * of one token each, then a usage chunk and {@code [DONE]}, each event in a piece of its own from a
 * pooled direct buffer, every token timed and recorded. {@code bench/jmh.sh LlmAnswer -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LlmAnswerBenchmark {
  static final String EVENT = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1733550000,"
      + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},\"finish_reason\":null}]}\n\n";
  static final String USAGE = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1733550000,"
      + "\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":16,\"total_tokens\":28}}\n\n";

  private LlmAnswer answer;
  private RequestPlan request;
  private ByteBuf event, usage, done;

  @Setup(Level.Trial)
  public void setUp() {
    TestPlan plan = new Planner(Map.of()).plan(ScenarioLoader.parse("""
        target: http://127.0.0.1:9
        users:
          - tasks:
              - post: /v1/chat/completions
                stream: openai
                json: {model: m, stream: true, messages: [{role: user, content: hi}]}
        """, "bench.yaml", null));
    request = (RequestPlan) plan.users().get(0).tasks().get(0).steps().get(0);
    Measures m = plan.measures();
    LoopRecorder recorder = new LoopRecorder(new IntervalSnapshot(plan.endpoints().size(), m.histogramCount(),
        m.counterCount(), FailureReasons.CAPACITY), new Samples(plan.endpoints().size(), FailureReasons.CAPACITY));
    answer = new LlmAnswer(recorder, new PromptTokens(plan.tokenizer(), plan.requests()));
    event = direct(EVENT);
    usage = direct(USAGE);
    done = direct("data: [DONE]\n\n");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    event.release();
    usage.release();
    done.release();
  }

  @Benchmark
  public boolean streamedAnswer() {
    answer.begin(request, 0);
    answer.head(1_000);
    for (int i = 0; i < 16; i++) answer.content(event, 2_000 + i * 1_000);
    answer.content(usage, 20_000);
    answer.content(done, 21_000);
    return answer.started();
  }
}
