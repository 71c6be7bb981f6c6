-- Version 2: baselines, named sets of runs of one scenario. A run in a baseline cannot be deleted
-- (retention skips it) until the baseline is.
CREATE TABLE horde_baselines (
  name        TEXT    PRIMARY KEY,
  scenario    TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  created_ms  BIGINT  NOT NULL
);

CREATE TABLE horde_baseline_runs (
  baseline TEXT    NOT NULL REFERENCES horde_baselines (name) ON DELETE CASCADE,
  run_id   BIGINT  NOT NULL REFERENCES horde_runs (id),
  position BIGINT  NOT NULL,
  PRIMARY KEY (baseline, run_id)
);
CREATE INDEX horde_baseline_runs_by_run ON horde_baseline_runs (run_id);
