/**
 * The promises a crash must not break, checked on what a case left behind: the SQLite file, the
 * deploy ledger and the clicks the parent saw answered. Every broken promise is a line of text, so
 * the suite can report all of them (with the case's seed) instead of stopping at the first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import { decide } from '../../../src/core/decide.ts';
import { isTerminal } from '../../../src/core/phases.ts';
import type { Command, Event, PullRequestState, Rollout } from '../../../src/core/types.ts';
import type { LoggedEventRow } from '../../../src/shell/ports.ts';
import { type CrashWorld, PR_KEY } from './create-crash-world.ts';
import type { Click } from './drive-people.ts';
import type { CaseRun } from './run-crash-case.ts';

/** A click answered 200 must be on record unless the bot died within this long after answering. */
const ACK_TO_COMMIT_MS = 3000;

/** One run of the deploy script, as it wrote itself into the ledger. */
export interface LedgerLine {
  readonly stage: string;
  readonly rolloutId: string;
  readonly idempotencyKey: string;
  readonly epoch: number;
  /** On the bot's clock. */
  readonly at: number;
}

/** The verdict on one case. */
export interface CaseCheck {
  /** The rollout's final phase (`none` when no rollout was ever made). */
  readonly phase: string;
  readonly productionDeploys: number;
  /** Clicks answered 200 whose event the bot never recorded because it died right after answering. */
  readonly clicksLostToKills: number;
  readonly violations: readonly string[];
}

export function readLedger(path: string): LedgerLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [stage = '', rolloutId = '', idempotencyKey = '', epoch = '', at = ''] = line.split(' ');
      return { stage, rolloutId, idempotencyKey, epoch: Number(epoch), at: Number(at) };
    });
}

function readAllEvents(store: ReturnType<typeof createSqliteStore>): LoggedEventRow[] {
  const rows: LoggedEventRow[] = [];
  for (let batch = store.readEvents(0, 1000); batch.length > 0; batch = store.readEvents(rows.at(-1)?.seq ?? 0, 1000)) {
    rows.push(...batch);
  }
  return rows;
}

interface Replayed {
  /** Human actions the core accepted when they were decided, with who. */
  readonly accepted: { readonly action: string; readonly user: string }[];
  /** For each production claim: when it was decided and the lock's deadline at that moment. */
  readonly productionClaims: { readonly at: number; readonly unlockAt: number | null; readonly epoch: number }[];
}

/** Decides the log again, event by event, under the policy each was decided with. */
function replayLog(store: ReturnType<typeof createSqliteStore>, rows: readonly LoggedEventRow[]): Replayed {
  let state: PullRequestState | null = null;
  const accepted: Replayed['accepted'] = [];
  const productionClaims: Replayed['productionClaims'] = [];
  for (const row of rows) {
    if (row.prKey !== PR_KEY) continue;
    const decision = decide(state, row.event, store.loadPolicy(row.policyHash));
    for (const command of decision.commands as readonly Command[]) {
      if (command.type === 'ReplyEphemeral' && command.reply.kind === 'accepted') {
        accepted.push({ action: command.reply.action, user: command.user });
      }
      if (command.type === 'StartDeploy' && command.stage === 'production') {
        const rollout = decision.state?.rollouts.find((r) => r.id === command.rolloutId);
        const before = state?.rollouts.find((r) => r.id === command.rolloutId);
        productionClaims.push({
          at: row.event.at,
          unlockAt: rollout?.unlockAt ?? before?.unlockAt ?? null,
          epoch: command.epoch,
        });
      }
    }
    state = decision.state;
  }
  return { accepted, productionClaims };
}

function checkDeploys(
  ledger: readonly LedgerLine[],
  rows: readonly LoggedEventRow[],
  replayed: Replayed,
  rollout: Rollout,
) {
  const out: string[] = [];
  const keys = new Map<string, number>();
  for (const line of ledger) keys.set(line.idempotencyKey, (keys.get(line.idempotencyKey) ?? 0) + 1);
  for (const [key, count] of keys) if (count > 1) out.push(`deploy ${key} ran ${count} times`);
  const production = ledger.filter((l) => l.stage === 'production');
  if (production.length > 1) out.push(`production deployed ${production.length} times`);
  for (const line of production) {
    const claim = replayed.productionClaims.find((c) => c.epoch === line.epoch);
    if (claim === undefined) out.push(`production epoch ${line.epoch} ran without a claim in the log`);
    else if (claim.unlockAt === null || claim.at < claim.unlockAt || line.at < claim.unlockAt) {
      out.push(`production ran at ${line.at}, claimed at ${claim.at}, before the deadline ${claim.unlockAt}`);
    }
  }
  const events = rows.map((r) => r.event);
  const isProduction = (e: Event, type: Event['type']) => e.type === type && 'stage' in e && e.stage === 'production';
  const started = events.some((e) => isProduction(e, 'DeployStarted'));
  const finished = events.some((e) => isProduction(e, 'DeployFinished'));
  if ((started || production.length > 0) && !finished) {
    // Interrupted after the claim: never re-run, a human must look.
    if (rollout.phase !== 'failed' || rollout.ended?.reason.code !== 'deploy_outcome_unknown') {
      out.push(
        `production interrupted after its claim ended ${rollout.phase} (${rollout.ended?.reason.code}), not failed`,
      );
    }
  }
  return { violations: out, productionDeploys: production.length };
}

function checkHumans(replayed: Replayed, rollout: Rollout): string[] {
  const out: string[] = [];
  for (const { action, user } of replayed.accepted) {
    if (action === 'approve' && !rollout.approvals.some((a) => a.user === user)) {
      out.push(`the committed approval of ${user} is not in the final state`);
    }
    if (action === 'cancel' && (rollout.phase !== 'cancelled' || rollout.ended?.reason.code !== 'cancelled_by')) {
      out.push(`the committed cancel of ${user} is not in the final state (${rollout.phase})`);
    }
  }
  return out;
}

/**
 * Clicks answered 200 must be in the log, except those answered less than 3 s before the bot was
 * killed: Bolt acknowledges first and records after (Slack's 3 s), so such a click can be lost —
 * the person sees no reply and an unchanged card and clicks again, which the driver does.
 */
function checkClicks(run: CaseRun, rows: readonly LoggedEventRow[]): { violations: string[]; lost: number } {
  const typeOf = (action: Click['action']) => (action === 'approve' ? 'ApproveClicked' : 'CancelRequested');
  const tally = new Map<string, { answered: number; mustBeRecorded: number; action: Click['action']; user: string }>();
  for (const c of run.clicks.filter((click) => click.status === 200)) {
    const life = run.lives[c.life];
    const diedSoon = life?.killed === true && life.endedAt - c.answeredAt < ACK_TO_COMMIT_MS;
    const key = `${c.action} ${c.user}`;
    const entry = tally.get(key) ?? { answered: 0, mustBeRecorded: 0, action: c.action, user: c.user };
    tally.set(key, {
      ...entry,
      answered: entry.answered + 1,
      mustBeRecorded: entry.mustBeRecorded + (diedSoon ? 0 : 1),
    });
  }
  const out: string[] = [];
  let lost = 0;
  for (const { answered, mustBeRecorded, action, user } of tally.values()) {
    const have = rows.filter(
      (r) => r.event.type === typeOf(action) && 'user' in r.event && r.event.user === user,
    ).length;
    if (have < mustBeRecorded)
      out.push(`${mustBeRecorded} ${action} clicks of ${user} answered 200, only ${have} recorded`);
    lost += Math.max(0, answered - have);
  }
  return { violations: out, lost };
}

/** Checks a finished case (the bot must not be running). */
export function checkCrashCase(world: CrashWorld, run: CaseRun): CaseCheck {
  const violations: string[] = run.lives.flatMap((l) => (l.failure === null ? [] : [l.failure]));
  if (run.failure !== null) violations.push(run.failure);
  if (!run.ended) violations.push('the rollout never ended (the case was given up on)');
  if (!existsSync(world.db))
    return { phase: 'none', productionDeploys: 0, clicksLostToKills: 0, violations: [...violations, 'no database'] };
  const db = openDatabase(world.db);
  try {
    const audit = verifyAuditLog(db);
    if (!audit.ok) violations.push(`the audit chain does not verify: ${JSON.stringify(audit)}`);
    const store = createSqliteStore(db);
    const state = store.loadPullRequest(PR_KEY);
    const rollouts = state?.rollouts ?? [];
    const rollout = rollouts.at(-1);
    if (rollout === undefined)
      return { phase: 'none', productionDeploys: 0, clicksLostToKills: 0, violations: [...violations, 'no rollout'] };
    if (rollouts.length !== 1) violations.push(`${rollouts.length} rollouts for one head`);
    for (const r of rollouts) if (!isTerminal(r.phase)) violations.push(`rollout ${r.id} ended the run in ${r.phase}`);
    const rows = readAllEvents(store);
    const replayed = replayLog(store, rows);
    const deploys = checkDeploys(readLedger(world.ledger), rows, replayed, rollout);
    const clicks = checkClicks(run, rows);
    violations.push(...deploys.violations, ...checkHumans(replayed, rollout), ...clicks.violations);
    return {
      phase: rollout.phase,
      productionDeploys: deploys.productionDeploys,
      clicksLostToKills: clicks.lost,
      violations,
    };
  } finally {
    db.close();
  }
}
