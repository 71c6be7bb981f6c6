-- Version 3: a capacity search is recorded as a search: its kind (users or rate arrivals a second;
-- NULL for a plain run), the steps it ran, its knee (the highest level that met every criterion;
-- NULL when even the lowest failed) and the lowest failing level above the knee (NULL when none
-- failed): the true capacity lies between those two.
ALTER TABLE horde_runs ADD COLUMN search_kind TEXT;
ALTER TABLE horde_runs ADD COLUMN search_steps INTEGER;
ALTER TABLE horde_runs ADD COLUMN search_knee REAL;
ALTER TABLE horde_runs ADD COLUMN search_above REAL;
