import type Database from 'better-sqlite3';
import { canonicalJson } from '../../core/canonical-json.ts';
import { type LoggedEvent, replay } from '../../core/replay.ts';
import type { Event, Policy, PullRequestState } from '../../core/types.ts';
import { type AuditFailure, auditFailure } from './audit-result.ts';

interface SnapshotRecord {
  readonly repo: string | null;
  readonly number: number | null;
  readonly closed: number;
  readonly state: string | null;
  readonly last_seq: number;
}

interface RolloutRecord {
  readonly rollout_id: string;
  readonly pr_key: string;
  readonly repo: string;
  readonly phase: string;
  readonly sha: string;
}

/**
 * Replays each pull request's events (policies by hash) and compares the result with its stored
 * snapshot, its columns and its rollouts index (invariant I6). Runs after the chain verified, one
 * pull request in memory at a time; then looks for snapshots and index rows without events.
 */
export function verifySnapshots(db: Database.Database, lastSeqByPr: ReadonlyMap<string, number>): AuditFailure | null {
  const snapshot = db.prepare<[string], SnapshotRecord>(
    'SELECT repo, number, closed, state, last_seq FROM pull_requests WHERE pr_key = ?',
  );
  const events = db.prepare<[string], { body: string; policy_hash: string }>(
    'SELECT body, policy_hash FROM events WHERE pr_key = ? ORDER BY seq',
  );
  const rollouts = db.prepare<[string], RolloutRecord>(
    'SELECT rollout_id, pr_key, repo, phase, sha FROM rollouts WHERE pr_key = ?',
  );
  const loadPolicy = createPolicyCache(db);
  for (const [prKey, lastSeq] of lastSeqByPr) {
    const fail = (problem: Parameters<typeof auditFailure>[0], detail: string): AuditFailure =>
      auditFailure(problem, lastSeq, `${prKey}: ${detail}`, prKey);
    const stored = snapshot.get(prKey);
    if (stored === undefined) return fail('snapshot_missing', 'has events but no snapshot');
    if (stored.last_seq !== lastSeq)
      return fail('last_seq_mismatch', `snapshot is at ${stored.last_seq}, log at ${lastSeq}`);
    let state: PullRequestState | null;
    try {
      const logged: LoggedEvent[] = [];
      for (const e of events.iterate(prKey))
        logged.push({ event: JSON.parse(e.body) as Event, policy: loadPolicy(e.policy_hash) });
      state = replay(logged);
    } catch (error) {
      return fail('replay_failed', `replay threw ${String(error)}`);
    }
    if ((state === null ? null : canonicalJson(state)) !== stored.state) {
      return fail('replay_mismatch', 'replaying its events does not give the stored snapshot');
    }
    const columns = {
      repo: state?.repo ?? null,
      number: state?.number ?? null,
      closed: state?.closed === true ? 1 : 0,
    };
    if (columns.repo !== stored.repo || columns.number !== stored.number || columns.closed !== stored.closed) {
      return fail('snapshot_columns_mismatch', 'repo, number or closed disagrees with the snapshot');
    }
    const expected = [...(state?.rollouts ?? [])]
      .map((r) => ({ rollout_id: r.id, pr_key: prKey, repo: r.pr.repo, phase: r.phase, sha: r.pr.sha }))
      .sort(byRolloutId);
    if (canonicalJson(rollouts.all(prKey).sort(byRolloutId)) !== canonicalJson(expected)) {
      return fail('rollout_index_mismatch', 'the rollouts index disagrees with the snapshot');
    }
  }
  return findStrays(db, lastSeqByPr);
}

function byRolloutId(a: { readonly rollout_id: string }, b: { readonly rollout_id: string }): number {
  return a.rollout_id < b.rollout_id ? -1 : a.rollout_id > b.rollout_id ? 1 : 0;
}

/** Snapshot or index rows of pull requests that have no events. */
function findStrays(db: Database.Database, lastSeqByPr: ReadonlyMap<string, number>): AuditFailure | null {
  for (const { pr_key } of db.prepare<[], { pr_key: string }>('SELECT pr_key FROM pull_requests').iterate()) {
    if (!lastSeqByPr.has(pr_key))
      return auditFailure('snapshot_orphan', null, `${pr_key} has a snapshot but no events`, pr_key);
  }
  const index = db.prepare<[], { rollout_id: string; pr_key: string }>('SELECT rollout_id, pr_key FROM rollouts');
  for (const { rollout_id, pr_key } of index.iterate()) {
    if (!lastSeqByPr.has(pr_key)) {
      return auditFailure(
        'rollout_index_mismatch',
        null,
        `rollout ${rollout_id} points at ${pr_key}, which has no events`,
        pr_key,
      );
    }
  }
  return null;
}

/** Policies were verified against their hashes by the chain walk; parse each once. */
function createPolicyCache(db: Database.Database): (hash: string) => Policy {
  const cache = new Map<string, Policy>();
  const select = db.prepare<[string], { body: string }>('SELECT body FROM policies WHERE hash = ?');
  return (hash) => {
    const cached = cache.get(hash);
    if (cached !== undefined) return cached;
    const row = select.get(hash);
    if (row === undefined) throw new Error(`policy ${hash} is not stored`);
    const policy = JSON.parse(row.body) as Policy;
    cache.set(hash, policy);
    return policy;
  };
}
