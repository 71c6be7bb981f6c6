package horde.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a history database to the schema this Horde knows, with Flyway: the SQL files under
 * {@code horde/history/migration/sqlite} or {@code .../postgresql}, applied in version order and
 * remembered in the table {@code horde_schema_history}. A newer Horde opens an older database by
 * applying the versions it lacks; each database is checked once per process.
 */
final class Migrations {
  /** Kept, so that the level set here is not lost to the garbage collector. */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
  /** The schema version this Horde writes: the newest migration's. */
  static final int VERSION = 3;

  private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

  static {
    FLYWAY.setLevel(Level.WARNING); // its INFO lines ("Successfully validated...") would fill every run's output
  }

  private Migrations() {}

  static void apply(Location location, DataSource source) {
    if (DONE.contains(location.url())) return;
    synchronized (Migrations.class) {
      if (DONE.contains(location.url())) return;
      if (!current(source)) {
        Path file = location.file();
        String vendor = location.sqlite() ? "sqlite" : "postgresql";
        if (file == null) migrate(source, vendor);
        else underLock(file, source, vendor);
      }
      DONE.add(location.url());
    }
  }

  /**
   * Whether the database is at this Horde's version already, read from Flyway's table with one
   * query: Flyway itself loads and configures some hundreds of classes to find nothing to do, about
   * a second of CPU at the end of every run on a small machine. Anything else (no table yet, an
   * older or a newer schema, a failed migration) goes through Flyway as before.
   */
  private static boolean current(DataSource source) {
    String query = "SELECT MAX(CAST(version AS INTEGER)), SUM(CASE WHEN success THEN 0 ELSE 1 END)"
        + " FROM horde_schema_history WHERE version IS NOT NULL";
    try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
      return r.next() && r.getInt(1) == VERSION && r.getInt(2) == 0;
    } catch (SQLException e) {
      return false; // no such table: a new database
    }
  }

  /**
   * SQLite has no lock that spans Flyway's steps, so two processes creating one new file would
   * both try to create the tables: a lock file beside the database lets one go first.
   */
  @SuppressWarnings("try") // the lock is held by its try, not used in it
  private static void underLock(Path file, DataSource source, String vendor) {
    Path lock = file.resolveSibling(file.getFileName() + "-lock");
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      migrate(source, vendor);
    } catch (IOException e) {
      throw new HistoryException("cannot lock " + lock + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(DataSource source, String vendor) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(source)
        .locations("classpath:horde/history/migration/" + vendor)
        .table("horde_schema_history")
        .load();
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    if (current == null || current.getVersion().compareTo(MigrationVersion.fromVersion(String.valueOf(VERSION))) < 0)
      throw new HistoryException("its schema is at version " + (current == null ? "none" : current.getVersion())
          + " after migrating; this Horde needs version " + VERSION);
  }
}
