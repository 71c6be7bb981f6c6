-- Horde's run history, version 1: every run with its whole result, and the figures people filter
-- and sort by in columns. Times are epoch milliseconds (UTC).
CREATE TABLE horde_runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at    TEXT    NOT NULL,
  started_ms    INTEGER NOT NULL,
  recorded_ms   INTEGER NOT NULL,
  scenario      TEXT    NOT NULL,
  scenario_file TEXT    NOT NULL,
  scenario_text TEXT,
  target        TEXT    NOT NULL,
  host          TEXT    NOT NULL,
  horde_version TEXT    NOT NULL,
  verdict       TEXT    NOT NULL,
  aborted       INTEGER NOT NULL,
  duration_s    REAL    NOT NULL,
  measured_s    REAL    NOT NULL,
  requests      INTEGER NOT NULL,
  failures      INTEGER NOT NULL,
  error_rate    REAL    NOT NULL,
  rps           REAL    NOT NULL,
  p50_ms        REAL    NOT NULL,
  p95_ms        REAL    NOT NULL,
  p99_ms        REAL    NOT NULL,
  max_ms        REAL    NOT NULL,
  result        TEXT    NOT NULL
);
CREATE INDEX horde_runs_by_scenario ON horde_runs (scenario, started_ms);
CREATE INDEX horde_runs_by_start ON horde_runs (started_ms);

CREATE TABLE horde_run_tags (
  run_id INTEGER NOT NULL REFERENCES horde_runs (id) ON DELETE CASCADE,
  name   TEXT    NOT NULL,
  value  TEXT    NOT NULL,
  PRIMARY KEY (run_id, name)
);
CREATE INDEX horde_run_tags_by_value ON horde_run_tags (name, value);

CREATE TABLE horde_run_endpoints (
  run_id     INTEGER NOT NULL REFERENCES horde_runs (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  method     TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  requests   INTEGER NOT NULL,
  failures   INTEGER NOT NULL,
  error_rate REAL    NOT NULL,
  rps        REAL    NOT NULL,
  p50_ms     REAL    NOT NULL,
  p90_ms     REAL    NOT NULL,
  p95_ms     REAL    NOT NULL,
  p99_ms     REAL    NOT NULL,
  max_ms     REAL    NOT NULL,
  PRIMARY KEY (run_id, method, name)
);
