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
 * buffer, as a connection reads it: with no header kept (a scenario that checks none) and with one;
 * and a streamed answer of sixteen chunked events. {@code bench/jmh.sh ResponseParser -prof gc}.
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

  /** A streamed answer as nginx or an LLM gateway sends it: 16 events, each one chunk. */
  static final String STREAM = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/event-stream\r\n"
      + "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"
      + "31\r\ndata: {\"choices\":[{\"delta\":{\"content\":\"tok\"}}]}\n\n\r\n".repeat(16) + "0\r\n\r\n";

  private final Counting sink = new Counting();
  private ResponseParser parser;
  private ByteBuf answer, stream;

  @Setup(Level.Trial)
  public void setUp() {
    ResponseHead head = new ResponseHead(kept.isEmpty() ? List.of() : List.of(kept), false);
    parser = new ResponseParser(head, sink, PooledByteBufAllocator.DEFAULT);
    byte[] bytes = ResponseParserTest.NGINX.getBytes(StandardCharsets.US_ASCII);
    answer = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    byte[] streamed = STREAM.getBytes(StandardCharsets.US_ASCII);
    stream = PooledByteBufAllocator.DEFAULT.directBuffer(streamed.length).writeBytes(streamed);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    answer.release();
    stream.release();
  }

  @Benchmark
  public long nginxAnswer() throws BadResponseException {
    parser.expect(false);
    parser.read(answer.retain().readerIndex(0)); // the parser releases what it read
    return sink.bytes;
  }

  @Benchmark
  public long streamedAnswer() throws BadResponseException {
    parser.expect(false);
    parser.read(stream.retain().readerIndex(0));
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
