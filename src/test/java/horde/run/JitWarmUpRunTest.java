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
  private static final String SMALL = "{requests: 30, concurrency: 3}";

  @TempDir Path tmp;

  @Test
  void onWarmsUpASmallLoadAndTheTargetGetsOnlyTheRunsRequests() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(server, SMALL, "--jit-warm-up", "ON");
      assertThat(server.served("/x")).isEqualTo(r.stats().total().requests()).isEqualTo(30);
      assertThat(r.notes()).anySatisfy(n -> assertThat(n)
          .matches("JIT warm-up: [1-9][0-9,]* requests of the scenario's users to a server in this process over .*")
          .contains("none to the target"));
    }
  }

  /** An arrival rate has no start to rehearse: its warm-up runs its rounds only (fea8bd9 failed every such run). */
  @Test
  void anArrivalRateIsWarmedUpToo() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(server, "{arrival_rate: 20/s, run_time: 2s, max_users: 10}", "--jit-warm-up", "on",
          "--warm-start", "0");
      assertThat(r.stats().total().requests()).isBetween(35L, 45L);
      assertThat(server.served("/x")).isEqualTo(r.stats().total().requests());
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("JIT warm-up: "));
    }
  }

  @Test
  void byDefaultASmallLoadHasNone() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(server, SMALL);
      assertThat(server.served("/x")).isEqualTo(30);
      assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("JIT warm-up"));
    }
  }

  private RunResult run(TestServer server, String load, String... flags) throws Exception {
    Path file = Files.writeString(tmp.resolve("s.yaml"), """
        target: %s
        tasks:
          - get: /x
        load: %s
        """.formatted(server.url(), load));
    Path out = tmp.resolve("r.json");
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "-q", "--no-history", "--out", out.toString()));
    args.addAll(List.of(flags));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    return ResultReader.read(out);
  }
}
