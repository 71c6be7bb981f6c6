package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --csv} files are there and current while the run goes, as Locust's are, and final at its end. */
class LiveCsvTest {
  @TempDir Path tmp;

  @Test
  void theFilesGrowDuringTheRun() throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> {
      Thread.sleep(20);
      TestServer.reply(ex, 200, "{}");
    }).route("/missing", ex -> TestServer.reply(ex, 404, "{}"))) {
      Path scenario = Files.writeString(tmp.resolve("s.yaml"), """
          name: live
          target: %s
          users: [{name: u, tasks: [{get: /ok}, {get: /missing}]}]
          load: { users: 2, run_time: 5s }
          """.formatted(server.url()));
      String prefix = tmp.resolve("csv/run").toString();
      CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("run", scenario.toString(), "-q",
          "--csv", prefix, "--csv-full-history"));
      Path history = Path.of(prefix + "_stats_history.csv");
      Path stats = Path.of(prefix + "_stats.csv");
      Path failures = Path.of(prefix + "_failures.csv");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!run.isDone() && dataLines(history) < 3 * 2 && System.nanoTime() < deadline) Thread.sleep(50);
      assertThat(run.isDone()).as("the history had 2 seconds of rows before the run ended").isFalse();
      List<String> live = Files.readAllLines(stats);
      assertThat(live.get(0)).startsWith("Type,Name,Request Count");
      assertThat(live).anySatisfy(l -> assertThat(l).startsWith("GET,/ok,"));
      assertThat(requests(live)).isPositive();
      assertThat(Files.readString(failures)).contains("/missing", "HTTPError('404 Client Error");

      Cli done = run.get(30, TimeUnit.SECONDS);
      assertThat(done.exitCode()).as(done.toString()).isEqualTo(1); // 404s and no criteria: Locust's rule
      List<String> last = Files.readAllLines(stats);
      assertThat(requests(last)).isGreaterThan(requests(live));
      assertThat(requests(last)).isEqualTo(server.served("/ok") + server.served("/missing"));
      assertThat(Files.list(tmp.resolve("csv")).map(p -> p.getFileName().toString()))
          .as("no partial files left").noneMatch(n -> n.endsWith(".part"));
    }
  }

  private static long dataLines(Path p) throws Exception {
    return Files.exists(p) ? Files.readAllLines(p).size() - 1 : 0;
  }

  /** The Aggregated row's request count. */
  private static long requests(List<String> statsCsv) {
    String row = statsCsv.stream().filter(l -> l.startsWith(",Aggregated,")).findFirst().orElseThrow();
    return Long.parseLong(row.split(",")[2]);
  }
}
