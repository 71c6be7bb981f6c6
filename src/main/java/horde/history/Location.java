package horde.history;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the run history lives: a SQLite file ({@code .horde/history.db} in the working folder by
 * default) or a PostgreSQL database.
 *
 * <pre>{@code
 * Location.resolve(null, System.getenv())                          // --db, else HORDE_DB, else .horde/history.db
 * Location.resolve("jdbc:postgresql://db:5432/horde?user=horde&password=...", Map.of())
 * }</pre>
 *
 * @param url a JDBC URL, {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}
 */
public record Location(String url) {
  public static final String DEFAULT_FILE = ".horde/history.db";
  /** The environment variable that names the database when {@code --db} does not. */
  public static final String ENV = "HORDE_DB";
  /** The system property that does the same, before the environment (tests use it). */
  public static final String PROPERTY = "horde.db";

  public Location {
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:"))
      throw new IllegalArgumentException("unsupported database '" + shown(url)
          + "': give a file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /** The flag's value, else the system property, else the environment's, else the default file. */
  public static Location resolve(String flag, Map<String, String> env) {
    String v = flag;
    if (blank(v)) v = System.getProperty(PROPERTY);
    if (blank(v)) v = env.get(ENV);
    if (blank(v)) v = DEFAULT_FILE;
    return of(v.strip());
  }

  /** A JDBC URL as it is, or a file path as a SQLite file. */
  public static Location of(String urlOrPath) {
    if (urlOrPath.startsWith("jdbc:")) return new Location(urlOrPath);
    if (urlOrPath.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*"))
      throw new IllegalArgumentException("unsupported database '" + shown(urlOrPath)
          + "': give a file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    return new Location("jdbc:sqlite:" + urlOrPath);
  }

  public boolean sqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  /** The SQLite file, or null for PostgreSQL and in-memory databases. */
  public Path file() {
    if (!sqlite()) return null;
    String rest = url.substring("jdbc:sqlite:".length());
    int q = rest.indexOf('?');
    if (q >= 0) rest = rest.substring(0, q);
    if (rest.startsWith("file:")) rest = rest.substring(5);
    if (rest.isEmpty() || rest.equals(":memory:")) return null;
    return Path.of(rest);
  }

  /** The URL without its password, for messages. */
  @Override
  public String toString() {
    return shown(url);
  }

  static String shown(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("://([^/@:]+):[^/@]*@", "://$1:***@");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
