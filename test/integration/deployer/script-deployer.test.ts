import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunRecords, type RunRecords } from '../../../src/adapters/db/create-run-records.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import {
  createScriptDeployer,
  type ScriptDeployerOptions,
} from '../../../src/adapters/deployer/create-script-deployer.ts';
import type { DeployScriptConfig } from '../../../src/config/types.ts';
import { createTempDir } from '../db/temp-db.ts';
import { isAlive, killIfAlive } from '../process/process-probe.ts';
import { START, writeScript } from './deploy-fixture.ts';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-secret',
  SLACK_SIGNING_SECRET: 'signing',
  SLACK_APP_TOKEN: 'xapp-secret',
  GITHUB_TOKEN: 'ghp_secret',
  GITHUB_WEBHOOK_SECRET: 'hook',
  OPENAI_API_KEY: 'sk-secret',
};

let temp: ReturnType<typeof createTempDir>;
let db: ReturnType<typeof openDatabase>;
let records: RunRecords;
const leftovers: number[] = [];

beforeEach(() => {
  temp = createTempDir('shiplock-deploy-');
  db = openDatabase(temp.file('shiplock.db'));
  records = createRunRecords(db);
});
afterEach(() => {
  for (const pid of leftovers.splice(0)) killIfAlive(pid);
  if (db.open) db.close();
  temp.remove();
});

function deployerFor(body: string, timeoutMs = 10_000, more: Partial<ScriptDeployerOptions> = {}) {
  const script: DeployScriptConfig = {
    stage: 'production',
    command: [writeScript(temp.dir, 'deploy.sh', body)],
    timeoutMs,
    environment: 'prod-eu',
  };
  return createScriptDeployer({
    scriptFor: (repo, stage) => (repo === 'acme/web' && stage === 'production' ? script : undefined),
    cwd: temp.dir,
    baseEnv: { PATH: '/usr/bin:/bin', DEPLOY_REGION: 'eu-west-1', NOT_SET: undefined, ...SECRETS },
    logDir: join(temp.dir, 'logs'),
    records,
    killGraceMs: 300,
    ...more,
  });
}

const logPath = () => join(temp.dir, 'logs', 'r-42', 'production-epoch3.log');

describe('the deploy script handoff', () => {
  it('gives the script the operator environment minus shiplock secrets, plus the exact contract', async () => {
    const result = await deployerFor('env > env.dump').deploy(START);
    expect(result).toEqual({ ok: true, summary: expect.stringMatching(/^exit 0 in \d+\.\ds$/) });
    const env = Object.fromEntries(
      readFileSync(join(temp.dir, 'env.dump'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(env).toEqual({
      PATH: '/usr/bin:/bin',
      DEPLOY_REGION: 'eu-west-1',
      PWD: temp.dir, // added by sh itself
      SHIPLOCK_ROLLOUT_ID: 'r-42',
      SHIPLOCK_REPO: 'acme/web',
      SHIPLOCK_PR: '17',
      SHIPLOCK_SHA: 'a'.repeat(40),
      SHIPLOCK_STAGE: 'production',
      SHIPLOCK_ENVIRONMENT: 'prod-eu',
      SHIPLOCK_IDEMPOTENCY_KEY: 'r-42:production:3',
      SHIPLOCK_EPOCH: '3',
    });
  });

  it('fails on a non-zero exit and says so in one line of its own', async () => {
    const result = await deployerFor('echo "kubectl: forbidden"; exit 3').deploy(START);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^exit 3 in \d+\.\ds$/);
    expect(records.find('r-42', 'deploy', 'production', 3)?.details).toBe('kubectl: forbidden');
  });

  it('times the summary with the injected clock', async () => {
    let now = 0;
    const result = await deployerFor('true', 10_000, { clock: () => (now += 4200) }).deploy(START);
    expect(result).toEqual({ ok: true, summary: 'exit 0 in 4.2s' });
    expect(records.find('r-42', 'deploy', 'production', 3)).toMatchObject({ startedAt: 4200, finishedAt: 16_800 });
  });

  it('kills the whole process group at the time limit', async () => {
    const started = Date.now();
    const result = await deployerFor('sleep 100 & echo $! > pids; sleep 100', 600).deploy(START);
    const pids = readFileSync(join(temp.dir, 'pids'), 'utf8').trim().split('\n').map(Number);
    leftovers.push(...pids);
    expect(result).toEqual({ ok: false, summary: 'killed at the 0.6s time limit' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('reports a script that crashes on a signal', async () => {
    const result = await deployerFor('echo starting; kill -SEGV $$').deploy(START);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^killed by SIGSEGV after \d+\.\ds$/);
  });

  it('reports a script that cannot start', async () => {
    const deployer = createScriptDeployer({
      scriptFor: () => ({ stage: 'production', command: ['./missing.sh'], timeoutMs: 1000, environment: 'prod' }),
      cwd: temp.dir,
      baseEnv: {},
      logDir: join(temp.dir, 'logs'),
      records,
    });
    const result = await deployer.deploy(START);
    expect(result).toEqual({ ok: false, summary: expect.stringMatching(/^could not start: .*ENOENT/) });
    expect(records.find('r-42', 'deploy', 'production', 3)?.details).toBe(result.summary);
  });

  it('refuses a stage without a script', async () => {
    const result = await deployerFor('true').deploy({ ...START, stage: 'rollback' });
    expect(result).toEqual({ ok: false, summary: 'no deploy script configured for rollback' });
    expect(records.find('r-42', 'deploy', 'rollback', 3)?.logPath).toBeNull();
  });

  it('keeps the whole output in a private log and the last 40 lines in the run record', async () => {
    const result = await deployerFor('for i in $(seq 1 100); do echo "line $i"; done; echo oops >&2').deploy(START);
    expect(result.ok).toBe(true);
    const log = readFileSync(logPath(), 'utf8');
    expect(log.split('\n')).toHaveLength(102);
    expect(log).toMatch(/^line 1\n/);
    expect(log.endsWith('line 100\noops\n')).toBe(true);
    expect(statSync(logPath()).mode & 0o777).toBe(0o600);
    const record = records.find('r-42', 'deploy', 'production', 3);
    expect(record).toMatchObject({ kind: 'deploy', name: 'production', attempt: 3, logPath: logPath() });
    const lines = record?.details.split('\n') ?? [];
    expect(lines).toHaveLength(40);
    expect(lines[0]).toBe('line 62');
    expect(lines[39]).toBe('oops');
  });

  it('keeps a rollout id from climbing out of the log directory', async () => {
    await deployerFor('echo hi').deploy({ ...START, rolloutId: '../../escape' });
    expect(readFileSync(join(temp.dir, 'logs', '______escape', 'production-epoch3.log'), 'utf8')).toBe('hi\n');
  });

  it('still reports the deploy when the run record cannot be saved', async () => {
    const deployer = deployerFor('true');
    db.close();
    const result = await deployer.deploy(START);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatch(/^exit 0 in .* \(run record not saved: .*not open/);
  });
});
