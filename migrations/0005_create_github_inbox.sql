-- GitHub webhook deliveries, stored before they are acknowledged (GitHub's best practices: persist,
-- answer fast, process later) and keyed by X-GitHub-Delivery, which a redelivery reuses.
-- `next_attempt_at` is when a pending delivery is due again: a GitHub failure while processing
-- backs off instead of being lost. Times are epoch milliseconds (UTC).
CREATE TABLE github_inbox (
  delivery_id TEXT PRIMARY KEY NOT NULL,
  event TEXT NOT NULL,
  action TEXT,
  received_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'ignored')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  processed_at INTEGER
) STRICT;
CREATE INDEX github_inbox_due ON github_inbox (status, next_attempt_at, received_at);
