import type Database from 'better-sqlite3';
import { ALL_PHASES, isTerminal } from '../../core/phases.ts';
import type { Phase } from '../../core/types.ts';
import type { PrKey } from '../../shell/ports.ts';

/** Where a rollout lives: enough to load its aggregate through the store. */
export interface RolloutRef {
  readonly rolloutId: string;
  readonly prKey: PrKey;
  readonly repo: string;
  readonly phase: Phase;
  readonly updatedAt: number;
}

/** Read-only lookups over the `rollouts` table (migration 0001) for `/shiplock list` and App Home. */
export interface RolloutIndex {
  /** Rollouts not in a terminal phase, most recently changed first. */
  active(limit: number): readonly RolloutRef[];
  /** Rollouts in one of `phases`, most recently changed first. */
  inPhases(phases: readonly Phase[], limit: number): readonly RolloutRef[];
}

interface Row {
  readonly rollout_id: string;
  readonly pr_key: string;
  readonly repo: string;
  readonly phase: string;
  readonly updated_at: number;
}

const TERMINAL: readonly Phase[] = ALL_PHASES.filter(isTerminal);

const toRef = (row: Row): RolloutRef => ({
  rolloutId: row.rollout_id,
  prKey: row.pr_key,
  repo: row.repo,
  phase: row.phase as Phase,
  updatedAt: row.updated_at,
});

/** The rollout index on the shiplock database; reads only, so it never takes the write lock. */
export function createRolloutIndex(db: Database.Database): RolloutIndex {
  const columns = 'rollout_id, pr_key, repo, phase, updated_at';
  const byPhases = (phases: readonly Phase[], negate: boolean, limit: number): readonly RolloutRef[] => {
    const marks = phases.map(() => '?').join(', ');
    const sql = `SELECT ${columns} FROM rollouts WHERE phase ${negate ? 'NOT IN' : 'IN'} (${marks})
                 ORDER BY updated_at DESC, rollout_id LIMIT ?`;
    return db
      .prepare<unknown[], Row>(sql)
      .all(...phases, Math.max(0, Math.floor(limit)))
      .map(toRef);
  };
  return {
    active: (limit) => byPhases(TERMINAL, true, limit),
    inPhases: (phases, limit) => (phases.length === 0 ? [] : byPhases(phases, false, limit)),
  };
}
