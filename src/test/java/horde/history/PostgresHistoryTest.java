package horde.history;

import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The history's contract on a real PostgreSQL server, started for this class and stopped after it. */
class PostgresHistoryTest extends HistoryContract {
  static Postgres pg;

  @BeforeAll
  static void start() throws Exception {
    assumeThat(Postgres.installed() || System.getenv("CI") != null).as("PostgreSQL is installed by ./run-tests").isTrue();
    pg = Postgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) pg.close();
  }

  @Override
  Location freshDatabase() throws Exception {
    return Location.of(pg.newDatabase());
  }
}
