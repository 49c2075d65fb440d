-- What gate runs and deploy scripts left for people: the details shown in the card's thread and
-- where the whole log is (`shiplock logs`). One row per rollout, kind, name and attempt; a retry
-- of the same attempt replaces its row.
CREATE TABLE run_records (
  rollout_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('gate', 'deploy')),
  name TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  details TEXT NOT NULL,
  log_path TEXT,
  PRIMARY KEY (rollout_id, kind, name, attempt)
) STRICT;

CREATE INDEX run_records_by_rollout ON run_records (rollout_id, started_at);
