import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import type { StartDeploy } from '../../../src/core/types.ts';
import { seededRandom as random } from '../../../src/sandbox/sample-service/seeded-random.ts';

/**
 * SIGKILL at random moments of a time-locked rollout, restart (sometimes "later", through the
 * injected clock), and check the time lock's promises: production never starts before the
 * deadline, starts at most once, and starts within 2 s of the later of the deadline and the boot
 * that ran it. CRASH_RUNS raises the count for longer checks.
 */
const RUNS = Number(process.env.CRASH_RUNS ?? '100');
const LOCK_MS = 1000;
const CHILD = fileURLToPath(new URL('../../support/crash-child.ts', import.meta.url));

interface Life {
  readonly bootAt: number | null;
  readonly done: string | null;
}

function startChild(dir: string, offset: number): { child: ChildProcess; life: Promise<Life> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      CRASH_DB: join(dir, 'shiplock.db'),
      CRASH_LEDGER: join(dir, 'ledger.jsonl'),
      CRASH_LOCK_MS: String(LOCK_MS),
      SHIPLOCK_CLOCK_OFFSET_MS: String(offset),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const life = new Promise<Life>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      const boot = /BOOT (\d+)/.exec(out);
      const done = /DONE (\w+)/.exec(out);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ bootAt: boot ? Number(boot[1]) : null, done: done?.[1] ?? null });
    });
  });
  return { child, life };
}

interface RunResult {
  readonly phase: string;
  readonly productionDeploys: number;
}

async function crashRun(seed: number): Promise<RunResult> {
  const rand = random(seed);
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-crash-'));
  try {
    const boots: number[] = [];
    let offset = 0;
    const kills = 1 + Math.floor(rand() * 2);
    for (let k = 0; k < kills; k += 1) {
      const { child, life } = startChild(dir, offset);
      const timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(rand() * 2600));
      const ended = await life;
      clearTimeout(timer);
      if (ended.bootAt !== null) boots.push(ended.bootAt);
      // Half the restarts happen "later": the process was down for up to 3 s.
      if (rand() < 0.5) offset += Math.floor(rand() * 3000);
    }
    const { life } = startChild(dir, offset);
    const last = await life;
    if (last.bootAt !== null) boots.push(last.bootAt);
    expect(last.done, `seed ${seed}: the restarted process finished the rollout`).not.toBeNull();
    return check(dir, boots, seed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function check(dir: string, boots: readonly number[], seed: number): RunResult {
  const ledgerPath = join(dir, 'ledger.jsonl');
  const ledger = existsSync(ledgerPath)
    ? readFileSync(ledgerPath, 'utf8')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as StartDeploy & { at: number })
    : [];
  const db = openDatabase(join(dir, 'shiplock.db'));
  try {
    const rollout = createSqliteStore(db).loadPullRequest('acme/api#7')?.rollouts.at(-1);
    expect(rollout, `seed ${seed}`).toBeDefined();
    const production = ledger.filter((d) => d.stage === 'production');
    expect(production.length, `seed ${seed}: production at most once`).toBeLessThanOrEqual(1);
    const deploy = production[0];
    if (deploy !== undefined) {
      const unlockAt = rollout?.unlockAt ?? Number.POSITIVE_INFINITY;
      expect(deploy.at, `seed ${seed}: never before the deadline`).toBeGreaterThanOrEqual(unlockAt);
      const boot = Math.max(...boots.filter((b) => b <= deploy.at));
      expect(deploy.at - Math.max(unlockAt, boot), `seed ${seed}: late by`).toBeLessThanOrEqual(2000);
    } else {
      // Killed between the claim and the report: never re-run, a human must look.
      expect(rollout?.phase, `seed ${seed}`).toBe('failed');
      expect(rollout?.ended?.reason.code, `seed ${seed}`).toBe('deploy_outcome_unknown');
    }
    expect(verifyAuditLog(db).ok, `seed ${seed}: audit chain verifies`).toBe(true);
    return { phase: rollout?.phase ?? 'none', productionDeploys: production.length };
  } finally {
    db.close();
  }
}

describe('crash safety of the time lock (real child processes, SIGKILL)', () => {
  it(`keeps its promises over ${RUNS} killed and restarted rollouts`, { timeout: RUNS * 15_000 }, async () => {
    const base = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const tally = new Map<string, number>();
    const queue = Array.from({ length: RUNS }, (_, i) => base + i);
    const worker = async (): Promise<void> => {
      for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
        const { phase } = await crashRun(seed);
        tally.set(phase, (tally.get(phase) ?? 0) + 1);
      }
    };
    await Promise.all([worker(), worker()]);
    console.log(`crash runs: ${RUNS} from seed ${base}; outcomes ${JSON.stringify(Object.fromEntries(tally))}`);
    // Most runs must reach production, or the checks above prove little.
    expect(tally.get('deployed') ?? 0).toBeGreaterThanOrEqual(RUNS * 0.6);
  });
});
