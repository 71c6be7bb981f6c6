package horde.history;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The history's contract on a SQLite file. */
class SqliteHistoryTest extends HistoryContract {
  @TempDir Path tmp;
  private int n;

  @Override
  Location freshDatabase() {
    return Location.of(tmp.resolve("h" + (++n) + "/history.db").toString());
  }
}
