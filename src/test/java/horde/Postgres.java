package horde;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's {@code postgresql}: {@code ./run-tests} installs it) of its own:
 * a new cluster made with {@code initdb} in a temp folder, on 127.0.0.1 and a free port, trusting
 * local connections, stopped and deleted by {@link #close()}. PostgreSQL refuses to run as root, so
 * as root the cluster belongs to the {@code postgres} user and its commands run through {@code
 * runuser}.
 *
 * <pre>{@code
 * try (Postgres pg = Postgres.start()) { String url = pg.newDatabase(); ... }
 * }</pre>
 */
public final class Postgres implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final Path dir;
  private final Path bin;
  private final int port;
  private final boolean asPostgres;

  private Postgres(Path dir, Path bin, int port, boolean asPostgres) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin, or null. */
  static Path binaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  public static boolean installed() {
    return binaries() != null;
  }

  public static Postgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    if (bin == null) throw new IOException("PostgreSQL is not installed (apt-get install postgresql)");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("horde-pg");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    if (root) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(data, users.lookupPrincipalByName("postgres"));
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
    }
    Postgres pg = new Postgres(dir, bin, Ports.free(), root);
    pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "horde", "--auth=trust", "-E", "UTF8",
        "--no-sync", "--locale=C"), 60);
    pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "30", "-l", dir.resolve("log.txt").toString(),
        "-o", "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), 60);
    return pg;
  }

  private void run(List<String> command, int seconds) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Path out = Files.createTempFile("horde-pg", ".txt");
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in " + seconds + " s");
      }
      if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A JDBC URL of the server's default database. */
  public String url() {
    return url("postgres");
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=horde";
  }

  /** A new, empty database, and its JDBC URL. */
  public String newDatabase() throws SQLException {
    String name = "horde_test_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  /**
   * Stops the server and deletes its folder. Interrupted while waiting for {@code pg_ctl}, it throws
   * an IOException that says so, and the interrupt stays set.
   */
  @Override
  public void close() throws IOException {
    try {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), 60);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL in " + dir, e);
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
