/**
 * A real shiplock shell in its own process, for the crash tests: real SQLite file, real shell,
 * real scheduler, recording fakes for the outside world, and a clock the parent injects
 * (`Date.now() + SHIPLOCK_CLOCK_OFFSET_MS`, so a restart can happen "later" without waiting).
 *
 * It drives one rollout: opens the PR, approves it with two named approvers once approval opens,
 * and exits when the rollout is terminal. Every step is idempotent, so it can be SIGKILLed at any
 * moment and started again on the same files. The fake deployer appends each deploy that really
 * ran to a ledger file (fsynced) before it reports back.
 */
import { appendFileSync, closeSync, fsyncSync, openSync } from 'node:fs';
import { createSqliteStore } from '../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { isTerminal } from '../../src/core/phases.ts';
import type { Event, Policy } from '../../src/core/types.ts';
import { createShell } from '../../src/shell/create-shell.ts';
import { startScheduler } from '../../src/shell/start-scheduler.ts';
import { createRecordingPorts } from '../fakes/create-recording-ports.ts';
import { POLICY, prAt, SHA_A } from './core-fixtures.ts';

const env = process.env;
const dbPath = env.CRASH_DB ?? '';
const ledgerPath = env.CRASH_LEDGER ?? '';
const offset = Number(env.SHIPLOCK_CLOCK_OFFSET_MS ?? '0');
const policy: Policy = { ...POLICY, timeLockMs: Number(env.CRASH_LOCK_MS ?? '1000'), verificationMs: 50 };
const clock = { now: () => Date.now() + offset };
const prKey = 'acme/api#7';

function appendDurably(line: string): void {
  const fd = openSync(ledgerPath, 'a');
  appendFileSync(fd, `${line}\n`);
  fsyncSync(fd);
  closeSync(fd);
}

const store = createSqliteStore(openDatabase(dbPath));
const { ports } = createRecordingPorts();
ports.deployer.deploy = async (command) => {
  appendDurably(JSON.stringify({ ...command, at: clock.now() }));
  return { ok: true, summary: `${command.stage} done` };
};
const shell = createShell({
  store,
  ports,
  clock,
  policyFor: () => policy,
  logger: createLogger('silent'),
});

process.stdout.write(`BOOT ${clock.now()}\n`);
shell.recover();
const scheduler = startScheduler(shell);
if (store.loadPullRequest(prKey) === null) {
  shell.handle({ type: 'PullRequestOpened', at: clock.now(), pr: prAt(SHA_A), rolloutId: 'r1' });
}

const poll = setInterval(() => {
  const rollout = store.loadPullRequest(prKey)?.rollouts.at(-1);
  if (rollout === undefined) return;
  if (rollout.phase === 'awaiting_approval') {
    for (const user of ['UBOB', 'UCAROL']) {
      if (rollout.approvals.some((a) => a.user === user)) continue;
      const approve: Event = {
        type: 'ApproveClicked',
        at: clock.now(),
        rolloutId: rollout.id,
        sha: rollout.pr.sha,
        user,
      };
      shell.handle(approve);
    }
  }
  if (isTerminal(rollout.phase)) {
    clearInterval(poll);
    scheduler.stop();
    shell.stop();
    store.close();
    process.stdout.write(`DONE ${rollout.phase}\n`);
  }
}, 10);
