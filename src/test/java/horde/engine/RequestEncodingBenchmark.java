package horde.engine;

import horde.plan.Planner;
import horde.plan.RequestPlan;
import horde.plan.TestPlan;
import horde.protocol.http.HttpExchange;
import horde.protocol.http.Origin;
import horde.protocol.http.RequestWriter;
import horde.scenario.yaml.ScenarioLoader;
import horde.template.Scope;
import horde.template.TestScope;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request rendered and encoded as a loop does at each send, into a pooled buffer released after:
 * compare.sh's templated POST (a JSON body with a fresh UUID). {@code bench/jmh.sh RequestEncoding -prof gc}.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.allocator.useCacheForAllThreads=true") // a pool cache, as a loop has
public class RequestEncodingBenchmark {
  private final Scope scope = new TestScope();
  private final StringBuilder scratch = new StringBuilder();
  private final HttpExchange ex = new HttpExchange(null, null);
  private RequestRenderer renderer;
  private RequestPlan post;

  @Setup
  public void plan() throws Exception {
    TestPlan plan = new Planner(Map.of()).plan(ScenarioLoader.parse("""
        target: http://127.0.0.1:8080
        users:
          - name: client
            tasks:
              - post: /fast
                json: {id: "${uuid}", text: hello}
                check: {status: 200, json: {$.ok: present}}
                save: {ok: $.ok}
        """, "bench.yaml", null));
    post = (RequestPlan) plan.users().get(0).tasks().get(0).steps().get(0);
    renderer = new RequestRenderer(Origin.of(plan.target()), plan.basePath(), plan.requests());
    renderer.render(post, scope, ex, scratch); // the first send makes what is made once
  }

  @Benchmark
  public int templatedPost() throws Exception {
    renderer.render(post, scope, ex, scratch);
    ByteBuf bytes = RequestWriter.encode(PooledByteBufAllocator.DEFAULT, ex);
    int n = bytes.readableBytes();
    bytes.release();
    return n;
  }
}
