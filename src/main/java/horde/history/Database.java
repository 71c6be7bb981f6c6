package horde.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connections to the history database, each statement group in a transaction of its own, and
 * database errors turned into messages a person can act on.
 *
 * <p>SQLite runs in WAL mode with a 10 s busy timeout, so runs recording into one file at once
 * wait for each other instead of failing; a writing transaction takes the write lock when it
 * begins ({@code BEGIN IMMEDIATE}), so two writers never deadlock on upgrading a read lock.
 */
final class Database {
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Work done on one connection inside one transaction. */
  interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  private final Location location;
  private final DataSource source;

  private Database(Location location, DataSource source) {
    this.location = location;
    this.source = source;
  }

  static Database open(Location location) {
    DataSource source = location.sqlite() ? sqlite(location) : postgres(location);
    Database db = new Database(location, source);
    try {
      Migrations.apply(location, source);
    } catch (FlywayException | HistoryException e) {
      throw db.problem("cannot open", e);
    }
    return db;
  }

  Location location() {
    return location;
  }

  boolean sqlite() {
    return location.sqlite();
  }

  private static DataSource sqlite(Location location) {
    Path file = location.file();
    if (file != null) {
      Path parent = file.toAbsolutePath().getParent();
      try {
        if (parent != null) Files.createDirectories(parent);
      } catch (IOException e) {
        throw new HistoryException("cannot create the folder of the history database " + location + ": " + e.getMessage(), e);
      }
      if (Files.isDirectory(file)) throw new HistoryException("the history database " + location + " is a folder");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(location.url());
    return ds;
  }

  private static DataSource postgres(Location location) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(location.url());
    ds.setConnectTimeout(10);
    ds.setApplicationName("horde");
    return ds;
  }

  <T> T transaction(String doing, Work<T> work) {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        T out = work.on(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw problem(doing, e);
    }
  }

  /** A message that names the database (without its password) and the likely cause. */
  HistoryException problem(String doing, Throwable e) {
    if (e instanceof HistoryException h && h.getCause() == null) return h;
    String text = causes(e);
    String where = "the history database " + location;
    String lower = text.toLowerCase(Locale.ROOT);
    String why;
    if (lower.contains("sqlite_notadb") || lower.contains("not a database") || lower.contains("malformed")
        || lower.contains("sqlite_corrupt"))
      why = " is damaged or not a SQLite database (" + text + "); move it away, or name another with --db";
    else if (lower.contains("sqlite_busy") || lower.contains("database is locked"))
      why = " is locked by another process (waited " + BUSY_TIMEOUT_MS / 1000 + " s)";
    else if (lower.contains("connection refused") || lower.contains("connection attempt failed"))
      why = " does not answer (" + text + ")";
    else why = ": " + text;
    return new HistoryException(doing + " " + where + why, e);
  }

  /** The messages down the cause chain, once each, without the password of the URL. */
  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null || !seen.add(m.strip())) continue;
      if (b.length() > 0) b.append(": ");
      b.append(m.strip().replace('\n', ' '));
      if (b.length() > 400) break;
    }
    return Location.shown(b.toString());
  }
}
