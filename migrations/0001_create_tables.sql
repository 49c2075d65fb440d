-- 0001: the hash-chained event log, its policies, the snapshots and the shell's working tables.
-- Times are epoch milliseconds (UTC). JSON columns hold canonical JSON (src/core/canonical-json.ts).

-- Policies in force when events were decided, addressed by the SHA-256 of their canonical JSON.
CREATE TABLE policies (
  hash TEXT PRIMARY KEY NOT NULL,
  body TEXT NOT NULL
) STRICT;

-- The append-only log: hash = SHA-256(prev_hash || canonical JSON {at, event, policyHash, prKey, seq}).
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  pr_key TEXT NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  policy_hash TEXT NOT NULL REFERENCES policies (hash),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_pr_key ON events (pr_key, seq);

-- Guards against accidental writes by our own code; an attacker can drop them, the audit cannot be dropped.
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'shiplock: events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'shiplock: events are append-only'); END;
CREATE TRIGGER policies_immutable_update BEFORE UPDATE ON policies
BEGIN SELECT RAISE(ABORT, 'shiplock: policies are immutable'); END;
CREATE TRIGGER policies_immutable_delete BEFORE DELETE ON policies
BEGIN SELECT RAISE(ABORT, 'shiplock: policies are immutable'); END;

-- The last link of the chain: one row, genesis = (0, 64 zeros, 0).
CREATE TABLE chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  count INTEGER NOT NULL
) STRICT;
INSERT INTO chain_head (id, seq, hash, count)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Heads posted to the audit channel.
CREATE TABLE audit_checkpoints (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  count INTEGER NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_checkpoints_by_seq ON audit_checkpoints (seq);

-- One snapshot per pull request; state is NULL while the PR has events but no aggregate.
CREATE TABLE pull_requests (
  pr_key TEXT PRIMARY KEY NOT NULL,
  repo TEXT,
  number INTEGER,
  closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
  state TEXT,
  last_seq INTEGER NOT NULL REFERENCES events (seq),
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX pull_requests_by_repo ON pull_requests (repo, closed);

-- Every rollout of every snapshot, kept in step with it: routes rollout-scoped events, lists rollouts.
CREATE TABLE rollouts (
  rollout_id TEXT PRIMARY KEY NOT NULL,
  pr_key TEXT NOT NULL REFERENCES pull_requests (pr_key),
  repo TEXT NOT NULL,
  phase TEXT NOT NULL,
  sha TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX rollouts_by_pr_key ON rollouts (pr_key);
CREATE INDEX rollouts_by_repo ON rollouts (repo, phase);

-- Commands waiting to be performed. AUTOINCREMENT: an id is never reused, even after pruning.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pr_key TEXT NOT NULL,
  event_seq INTEGER NOT NULL REFERENCES events (seq),
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'started', 'done')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_by_status ON outbox (status, id);

-- Timers with absolute due times; node-cron only triggers the scan.
CREATE TABLE timers (
  rollout_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  pr_key TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  PRIMARY KEY (rollout_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX timers_by_due_at ON timers (due_at);

-- Outside delivery ids already seen (GitHub X-GitHub-Delivery, Slack retries).
CREATE TABLE deliveries (
  source TEXT NOT NULL,
  delivery_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (source, delivery_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX deliveries_by_at ON deliveries (at);
