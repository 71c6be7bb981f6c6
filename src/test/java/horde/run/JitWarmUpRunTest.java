package horde.run;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import horde.result.ResultReader;
import horde.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT warm-up from the command line: what the target gets is exactly what the run counts, and
 * the result says that a warm-up ran and how many requests it sent elsewhere.
 */
class JitWarmUpRunTest {
  @TempDir Path tmp;

  @Test
  void onWarmsUpASmallLoadAndTheTargetGetsOnlyTheRunsRequests() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(server, "--jit-warm-up", "ON");
      assertThat(server.served("/x")).isEqualTo(r.stats().total().requests()).isEqualTo(30);
      assertThat(r.notes()).anySatisfy(n -> assertThat(n)
          .matches("JIT warm-up: [1-9][0-9,]* requests of the scenario's users to a server in this process over .*")
          .contains("none to the target"));
    }
  }

  @Test
  void byDefaultASmallLoadHasNone() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(server);
      assertThat(server.served("/x")).isEqualTo(30);
      assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("JIT warm-up"));
    }
  }

  private RunResult run(TestServer server, String... flags) throws Exception {
    Path file = Files.writeString(tmp.resolve("s.yaml"), """
        target: %s
        tasks:
          - get: /x
        load: {requests: 30, concurrency: 3}
        """.formatted(server.url()));
    Path out = tmp.resolve("r.json");
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "-q", "--no-history", "--out", out.toString()));
    args.addAll(List.of(flags));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    return ResultReader.read(out);
  }
}
