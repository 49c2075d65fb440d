-- 0007 (issue #7): the risk ledger counts opportunities (production deploys, advisory reviews, gate
-- runs, canary looks) from the orchestrator's own events, by type and time. The ledger itself is
-- a stream of the same hash-chained `events` table (pr_key 'shiplock:risk'); it needs no table.
CREATE INDEX events_by_type ON events (type, at);
