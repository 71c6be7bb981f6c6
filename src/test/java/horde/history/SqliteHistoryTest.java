package horde.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's contract on a SQLite file, and what only a file has: many writers, damage. */
class SqliteHistoryTest extends HistoryContract {
  @TempDir Path tmp;
  private int n;

  @Override
  Location freshDatabase() throws Exception {
    return Location.of(Files.createDirectories(tmp.resolve("h" + (++n))).resolve("history.db").toString());
  }

  @Test
  void manyWritersIntoOneNewFileAtOnce() throws Exception {
    Location file = Location.of(tmp.resolve("shared/history.db").toString());
    int writers = 6, each = 5;
    List<Future<List<Long>>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          RunHistory h = RunHistory.open(file);
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            ids.add(h.record(HistoryFixtures.result("chat", "2026-01-01T10:00:0" + i + "Z"), Map.of("writer", "w" + writer)));
          }
          return ids;
        }));
      }
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : done) all.addAll(f.get());
    assertThat(all).doesNotHaveDuplicates().hasSize(writers * each);
    assertThat(RunHistory.open(file).runs(RunQuery.latest(100)).total()).isEqualTo(writers * each);
  }

  @Test
  void theJavaApiRecordsWhenAsked() {
    long id = horde.Horde.record(horde.report.SampleResults.small(), Map.of("from", "java"));
    RunHistory h = RunHistory.open(Location.resolve(null, System.getenv()));
    assertThat(h.run(id).orElseThrow().summary().tags()).containsEntry("from", "java");
  }

  @Test
  void aDamagedFileIsNamedPlainly() throws Exception {
    Path bad = tmp.resolve("bad.db");
    Files.write(bad, new byte[4096]);
    Files.writeString(bad, "SQLite format 3\0 but then garbage ".repeat(200));
    assertThatThrownBy(() -> RunHistory.open(Location.of(bad.toString()))).isInstanceOf(HistoryException.class)
        .hasMessageContaining(bad.toString()).hasMessageContaining("damaged or not a SQLite database")
        .hasMessageContaining("--db");
  }
}
