import { createSqliteStore } from '../adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../adapters/db/open-database.ts';
import type { Config } from '../config/types.ts';
import type { Rollout } from '../core/types.ts';
import { toPrKey } from '../shell/ports.ts';
import { describeEvent } from './describe-event.ts';
import { toNameOf } from './to-name-of.ts';

/** Reads the bot's audit log as it grows and tells the transcript what happened. */
export interface AuditLogFollower {
  /** Describes every event appended since the last call; returns the rollout as it stands now. */
  poll(say: (line: string) => void): Rollout | null;
  close(): void;
}

/**
 * Follows one pull request through its hash-chained event log, on a connection of its own (WAL
 * lets it read while the bot writes): the transcript is what shiplock recorded, not what the demo
 * believes happened. Phase changes get a line of their own.
 */
export function followAuditLog(config: Config, repo: string, pr: number): AuditLogFollower {
  const db = openDatabase(config.database);
  const store = createSqliteStore(db);
  const prKey = toPrKey(repo, pr);
  const gates = new Map(config.repositories.flatMap((r) => r.gates).map((g) => [g.id, g]));
  const nameOf = toNameOf(config);
  let seq = 0;
  let phase: string | null = null;
  let verdict: string | null = null;
  const approvers = new Set<string>();
  const required = config.repositories.find((r) => r.name === repo)?.approvals.required ?? 1;
  const current = (): Rollout | null => store.loadPullRequest(prKey)?.rollouts.at(-1) ?? null;
  return {
    poll(say) {
      for (;;) {
        const rows = store.readEvents(seq, 100);
        if (rows.length === 0) break;
        const rollout = current();
        for (const row of rows) {
          seq = row.seq;
          if (row.prKey !== prKey) continue;
          if (row.event.type === 'ApproveClicked') approvers.add(row.event.user);
          const line = describeEvent(row.event, {
            nameOf,
            gateName: (id) => gates.get(id)?.name ?? id,
            gateKind: (id) => gates.get(id)?.kind ?? '',
            rollout,
            previousVerdict: verdict,
            approvals: { count: approvers.size, required },
          });
          if (line !== null) say(line);
          if (row.event.type === 'CanaryJudged') verdict = row.event.verdict;
        }
        if (rollout !== null && rollout.phase !== phase) {
          say(`phase: ${phase === null ? '' : `${phase} → `}${rollout.phase}`);
          phase = rollout.phase;
        }
      }
      return current();
    },
    close: () => db.close(),
  };
}
