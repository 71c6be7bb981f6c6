package horde.protocol.sse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
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
 * Reading a streamed LLM answer's events: sixteen OpenAI chunks and {@code [DONE]}, each event in a
 * piece of its own from a pooled direct buffer, as the HTTP parser hands them over.
 * {@code bench/jmh.sh SseParser -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseParserBenchmark {
  static final String EVENT = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
      + "\"delta\":{\"content\":\" token\"}}]}\n\n";

  private final SseParser parser = new SseParser();
  private ByteBuf event, done;
  private long chars;
  private final SseParser.Listener count = (e, d, length, n) -> chars += length;

  @Setup(Level.Trial)
  public void setUp() {
    event = direct(EVENT);
    done = direct("data: [DONE]\n\n");
  }

  /** {@code s} in a pooled direct buffer, as a socket read hands it over. */
  public static ByteBuf direct(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    event.release();
    done.release();
  }

  @Benchmark
  public long streamedAnswer() {
    parser.reset();
    for (int i = 0; i < 16; i++) parser.feed(event, i, count);
    parser.feed(done, 16, count);
    return chars;
  }
}
