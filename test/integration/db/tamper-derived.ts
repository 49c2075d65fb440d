import { flipHex, mustChange, mutateLeaf } from './tamper-tools.ts';
import { pickRow, type Tampering } from './tampering.ts';

/** Tamperings of what the log vouches for: policies, snapshots, the rollouts index and the head. */
export const DERIVED_TAMPERINGS: readonly Tampering[] = [
  {
    kind: 'edit_policy_body',
    apply(db, rnd) {
      const policy = pickRow<{ hash: string; body: string }>(db, rnd, 'SELECT hash, body FROM policies ORDER BY hash');
      mustChange(db, 'UPDATE policies SET body = ? WHERE hash = ?', mutateLeaf(policy.body, rnd), policy.hash);
      return null;
    },
  },
  {
    kind: 'delete_policy',
    apply(db, rnd) {
      const policy = pickRow<{ hash: string }>(db, rnd, 'SELECT hash FROM policies ORDER BY hash');
      mustChange(db, 'DELETE FROM policies WHERE hash = ?', policy.hash);
      return null;
    },
  },
  {
    kind: 'edit_snapshot',
    apply(db, rnd) {
      const sql = 'SELECT pr_key, state FROM pull_requests WHERE state IS NOT NULL ORDER BY pr_key';
      const pr = pickRow<{ pr_key: string; state: string }>(db, rnd, sql);
      mustChange(db, 'UPDATE pull_requests SET state = ? WHERE pr_key = ?', mutateLeaf(pr.state, rnd), pr.pr_key);
      return null;
    },
  },
  {
    kind: 'edit_last_seq',
    apply(db, rnd) {
      const pr = pickRow<{ pr_key: string }>(db, rnd, 'SELECT pr_key FROM pull_requests ORDER BY pr_key');
      mustChange(
        db,
        'UPDATE pull_requests SET last_seq = last_seq + ? WHERE pr_key = ?',
        rnd.chance(0.5) ? 1 : -1,
        pr.pr_key,
      );
      return null;
    },
  },
  {
    kind: 'delete_snapshot',
    apply(db, rnd) {
      const pr = pickRow<{ pr_key: string }>(db, rnd, 'SELECT pr_key FROM pull_requests ORDER BY pr_key');
      mustChange(db, 'DELETE FROM pull_requests WHERE pr_key = ?', pr.pr_key);
      return null;
    },
  },
  {
    kind: 'edit_chain_head',
    apply(db, rnd) {
      const head = pickRow<{ seq: number; hash: string; count: number }>(
        db,
        rnd,
        'SELECT seq, hash, count FROM chain_head',
      );
      const column = rnd.pick(['seq', 'hash', 'count'] as const);
      const value = column === 'hash' ? flipHex(head.hash, rnd) : head[column] + (rnd.chance(0.5) ? 1 : -1);
      mustChange(db, `UPDATE chain_head SET ${column} = ?`, value);
      return null;
    },
  },
  {
    kind: 'edit_rollout_index',
    apply(db, rnd) {
      const { rollout_id } = pickRow<{ rollout_id: string }>(
        db,
        rnd,
        'SELECT rollout_id FROM rollouts ORDER BY rollout_id',
      );
      const edit = rnd.pick([
        "phase = 'deployed' || phase",
        'sha = sha || 0',
        "pr_key = 'acme/api#1' || pr_key",
        'DELETE',
      ]);
      if (edit === 'DELETE') mustChange(db, 'DELETE FROM rollouts WHERE rollout_id = ?', rollout_id);
      else mustChange(db, `UPDATE rollouts SET ${edit} WHERE rollout_id = ?`, rollout_id);
      return null;
    },
  },
];
