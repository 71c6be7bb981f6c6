package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
  @Test
  void defaultsMatchTheSimulatorsExceptThePort() {
    SimulateCommand command = new SimulateCommand();
    new CommandLine(command).parseArgs();
    assertThat(command.options())
        .isEqualTo(SimulatorOptions.defaults().toBuilder().port(8000).build());
  }

  @Test
  void everyOptionReachesTheSimulator() {
    SimulateCommand command = new SimulateCommand();
    new CommandLine(command)
        .parseArgs(
            "--port=0",
            "--host=0.0.0.0",
            "--seed=7",
            "--capacity=4",
            "--queue=8",
            "--overload-status=503",
            "--ttft=300ms",
            "--tokens-per-second=20",
            "--output-tokens=90",
            "--cache-hit-ratio=0.5",
            "--error-rate=0.01",
            "--job-duration=5s",
            "--rag-latency=80ms");
    SimulatorOptions o = command.options();
    assertThat(o.port()).isZero();
    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.capacity()).isEqualTo(4);
    assertThat(o.queue()).isEqualTo(8);
    assertThat(o.overloadStatus()).isEqualTo(503);
    assertThat(o.timeToFirstToken()).isEqualTo(Duration.ofMillis(300));
    assertThat(o.tokensPerSecond()).isEqualTo(20);
    assertThat(o.outputTokens()).isEqualTo(90);
    assertThat(o.cacheHitRatio()).isEqualTo(0.5);
    assertThat(o.errorRate()).isEqualTo(0.01);
    assertThat(o.jobDuration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.ragMissLatency()).isEqualTo(Duration.ofMillis(80));
  }

  @Test
  void badValuesAreUsageErrors() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err));
    assertThat(cli.execute("--ttft=soon")).isEqualTo(2);
    assertThat(err.toString()).contains("soon");
    assertThat(cli.execute("--overload-status=500")).isEqualTo(2);
    assertThat(err.toString()).contains("429 or 503");
  }

  @Test
  void aTakenPortFailsAtOnceWithExitCode2() {
    try (Simulator taken = Simulator.start(SimulatorOptions.defaults())) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err));
      assertThat(cli.execute("--port=" + taken.port())).isEqualTo(2);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.port());
    }
  }
}
