import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult, VerificationTarget } from '../../../src/adapters/verifier/index.ts';
import { createHealthCheck, createVerifier, NOT_CONFIGURED } from '../../../src/adapters/verifier/index.ts';

/** The health command as a real process group, with the deploy scripts' contract and limits. */
const base = {
  rolloutId: 'r-0123456789',
  repo: 'acme/api',
  pr: 7,
  sha: 'b'.repeat(40),
  epoch: 3,
  environment: 'prod-eu',
  deployStartedAt: 1_000,
  deployFinishedAt: 61_000,
  metrics: null,
} satisfies Omit<VerificationTarget, 'command'>;

const run = (script: string, timeoutMs = 10_000) => ({
  ...base,
  command: { argv: ['/bin/sh', '-c', script], timeoutMs },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-verify-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const health = () =>
  createHealthCheck({
    cwd: dir,
    baseEnv: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghs_secret', OPERATOR_CLOUD: 'eu-1' },
    logDir: join(dir, 'logs'),
    killGraceMs: 200,
  });

describe('the health command', () => {
  it('passes on exit 0, with the SHIPLOCK_* contract, the operator environment and none of shiplock’s secrets', async () => {
    const result = await health()(
      run('env | grep -E "^(SHIPLOCK_|GITHUB_TOKEN|OPERATOR_)" | sort > seen.env; pwd > cwd'),
    );
    expect(result.ok).toBe(true);
    expect(result.summary).toMatch(/^health command passed \(exit 0 in \d+\.\ds\)$/);
    expect(readFileSync(join(dir, 'seen.env'), 'utf8').trim().split('\n')).toEqual([
      'OPERATOR_CLOUD=eu-1',
      'SHIPLOCK_DEPLOYED_AT=61000',
      'SHIPLOCK_ENVIRONMENT=prod-eu',
      'SHIPLOCK_EPOCH=3',
      `SHIPLOCK_PR=7`,
      'SHIPLOCK_REPO=acme/api',
      'SHIPLOCK_ROLLOUT_ID=r-0123456789',
      `SHIPLOCK_SHA=${'b'.repeat(40)}`,
      'SHIPLOCK_STAGE=verification',
    ]);
    expect(readFileSync(join(dir, 'cwd'), 'utf8').trim()).toBe(dir);
  });

  it('fails on another exit code with how it ended and its last lines, and keeps the whole log', async () => {
    const result = await health()(
      run('for i in 1 2 3 4 5; do echo "line $i"; done; echo "503 from /health" >&2; exit 3'),
    );
    expect(result).toEqual({
      ok: false,
      summary: expect.stringMatching(
        /^health command failed \(exit 3 in \d+\.\ds\): line 4 ⏎ line 5 ⏎ 503 from \/health$/,
      ),
    });
    const log = join(dir, 'logs', 'r-0123456789', 'verification-epoch3.log');
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toContain('line 1');
  });

  it('fails at its time limit, and the whole process group is gone', async () => {
    const started = Date.now();
    const result = await health()(run('sleep 30 & echo $! > child.pid; echo waiting; wait', 300));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({ ok: false, summary: 'health command failed (killed at the 0.3s time limit): waiting' });
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    expect(isGone(child)).toBe(true);
  });

  it('fails when it cannot start', async () => {
    const result = await health()({ ...base, command: { argv: ['./no-such-health-check'], timeoutMs: 5_000 } });
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^health command failed \(could not start: .*ENOENT/);
  });
});

/** Ended: no such process, or a zombie waiting for its new parent to reap it. */
function isGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

describe('the verifier', () => {
  const passed: CheckResult = { ok: true, summary: 'metrics healthy: 6/6 within margin of the pre-deploy baseline' };
  const command = { type: 'RunVerification', rolloutId: 'r-0123456789', sha: 'b'.repeat(40), epoch: 3 } as const;
  const verifier = (target: VerificationTarget | null, metrics: CheckResult | Error = passed) =>
    createVerifier({
      target: async () => target,
      metrics: async () => {
        if (metrics instanceof Error) throw metrics;
        return metrics;
      },
      health: health(),
      now: () => 0,
    });
  const metricsOn = { service: 'api', metrics: [] };

  it.each<[string, VerificationTarget | null, CheckResult | Error, boolean, RegExp]>([
    [
      'both pass',
      { ...run('exit 0'), metrics: metricsOn },
      passed,
      true,
      /^metrics healthy: .* · health command passed/,
    ],
    [
      'the health command fails, the metrics pass: failed, the failure first',
      { ...run('echo down; exit 1'), metrics: metricsOn },
      passed,
      false,
      /^health command failed \(exit 1 in .*\): down · metrics healthy/,
    ],
    [
      'the metrics fail, the health command passes: failed',
      { ...run('exit 0'), metrics: metricsOn },
      { ok: false, summary: 'metrics unhealthy against the pre-deploy baseline: cpu: +80 %' },
      false,
      /^metrics unhealthy .* · health command passed/,
    ],
    ['the health command alone', run('exit 0'), passed, true, /^health command passed/],
    [
      'a metrics check that throws: could not verify',
      { ...base, metrics: metricsOn, command: null },
      new Error('boom'),
      false,
      /^could not verify: shiplock_verification_metrics_failed: boom$/,
    ],
    ['no finished production deploy', null, passed, false, /^could not verify: no finished production deploy/],
  ])('%s', async (_name, target, metrics, ok, summary) => {
    const result = await verifier(target, metrics).verify(command);
    expect(result.ok).toBe(ok);
    expect(result.summary).toMatch(summary);
  });

  it('neither check configured: fails closed and says what to set', async () => {
    const result = await verifier({ ...base, command: null }).verify(command);
    expect(result).toEqual({ ok: false, summary: NOT_CONFIGURED });
    expect(NOT_CONFIGURED).toMatch(/verification\.checks\.command.*canary\.prometheus_url/);
  });

  it('the metrics check asked for without Prometheus: could not verify', async () => {
    const result = await createVerifier({
      target: async () => ({ ...base, metrics: metricsOn, command: null }),
      metrics: null,
      health: health(),
      now: () => 0,
    }).verify(command);
    expect(result).toEqual({ ok: false, summary: 'could not verify: the metrics check needs a Prometheus URL' });
  });
});
