package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one of nginx's answers (status line, five headers, a 21-byte body) from a pooled direct
 * buffer, as a connection reads it: with no header kept (a scenario that checks none) and with one.
 * {@code bench/jmh.sh ResponseParser -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseParserBenchmark {
  @Param({"", "Content-Type"})
  public String kept;

  private final Counting sink = new Counting();
  private ResponseParser parser;
  private ByteBuf answer;

  @Setup(Level.Trial)
  public void setUp() {
    ResponseHead head = new ResponseHead(kept.isEmpty() ? List.of() : List.of(kept), false);
    parser = new ResponseParser(head, sink, PooledByteBufAllocator.DEFAULT);
    byte[] bytes = ResponseParserTest.NGINX.getBytes(StandardCharsets.US_ASCII);
    answer = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    answer.release();
  }

  @Benchmark
  public long nginxAnswer() throws BadResponseException {
    parser.expect(false);
    parser.read(answer.retain().readerIndex(0)); // the parser releases what it read
    return sink.bytes;
  }

  static final class Counting implements ResponseParser.Sink {
    long bytes;

    public boolean onHead(ResponseHead h) {
      return true;
    }

    public boolean onContent(ByteBuf piece) {
      bytes += piece.readableBytes();
      return true;
    }

    public void onEnd() {}
  }
}
