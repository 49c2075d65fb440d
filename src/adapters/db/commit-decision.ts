import { canonicalJson } from '../../core/canonical-json.ts';
import type { Command, EpochMs, PullRequestState } from '../../core/types.ts';
import { crashPoint } from '../../shell/crash-point.ts';
import type { CommitInput, OutboxRow, PrKey } from '../../shell/ports.ts';
import { appendEvent } from './append-event.ts';
import type { HashFn } from './sha256-hex.ts';
import type { StoreStatements } from './store-statements.ts';

/** What a commit wrote: the event's sequence number and the enqueued outbox rows. */
export interface CommitResult {
  readonly seq: number;
  readonly outbox: readonly OutboxRow[];
}

/**
 * Writes one decision inside the caller's transaction: the policy (by hash), the hash-chained event,
 * the chain head, the snapshot and its rollouts index, the timers, and every other command as a
 * pending outbox row. Outbox rows are stamped with the event's time, the moment they were decided.
 */
export function commitDecision(s: StoreStatements, hash: HashFn, input: CommitInput): CommitResult {
  const { prKey, event } = input;
  const seq = appendEvent(s, hash, prKey, event, canonicalJson(input.policy));
  crashPoint('db.after_event_insert');
  saveSnapshot(s, prKey, input.state, seq, event.at);
  crashPoint('db.after_snapshot');
  const outbox = applyCommands(s, prKey, seq, event.at, input.commands);
  crashPoint('db.after_commands');
  return { seq, outbox };
}

function saveSnapshot(
  s: StoreStatements,
  prKey: PrKey,
  state: PullRequestState | null,
  seq: number,
  at: EpochMs,
): void {
  s.upsertSnapshot.run({
    pr_key: prKey,
    repo: state?.repo ?? null,
    number: state?.number ?? null,
    closed: state?.closed === true ? 1 : 0,
    state: state === null ? null : canonicalJson(state),
    last_seq: seq,
    updated_at: at,
  });
  for (const rollout of state?.rollouts ?? []) {
    const changed = s.upsertRollout.run({
      rollout_id: rollout.id,
      pr_key: prKey,
      repo: rollout.pr.repo,
      phase: rollout.phase,
      sha: rollout.pr.sha,
      updated_at: at,
    }).changes;
    if (changed !== 1) throw new Error(`shiplock: rollout ${rollout.id} already belongs to another pull request`);
  }
}

function applyCommands(
  s: StoreStatements,
  prKey: PrKey,
  seq: number,
  at: EpochMs,
  commands: readonly Command[],
): readonly OutboxRow[] {
  const outbox: OutboxRow[] = [];
  for (const command of commands) {
    if (command.type === 'ScheduleTimer') {
      s.upsertTimer.run({ rollout_id: command.rolloutId, kind: command.kind, pr_key: prKey, due_at: command.dueAt });
    } else if (command.type === 'CancelTimers') {
      s.deleteRolloutTimers.run(command.rolloutId);
    } else {
      const body = canonicalJson(command);
      const id = Number(
        s.insertOutbox.run({ pr_key: prKey, event_seq: seq, type: command.type, body, at }).lastInsertRowid,
      );
      outbox.push({ id, prKey, command, status: 'pending', attempts: 0, createdAt: at });
    }
  }
  return outbox;
}
