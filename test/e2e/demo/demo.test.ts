/**
 * `npm run demo` end to end (issue 8): the demo's entry function, in-process, for each story. Each
 * starts the stand-ins, the sample service, Prometheus (the binary when installed; the
 * query_range stand-in for `--bad-canary`, so both paths run) and the real bot, and runs real
 * gates, deploy scripts and canary judgements; about a minute each, longer on a loaded machine.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DemoOptions, DemoResult } from '../../../src/demo/demo-options.ts';
import { runDemo } from '../../../src/demo/run-demo.ts';

const RUN_MS = 360_000;

async function demo(options: Partial<DemoOptions>): Promise<{ result: DemoResult; transcript: string }> {
  let transcript = '';
  const result = await runDemo({
    mode: 'happy',
    interactive: false,
    prometheus: 'auto',
    sandbox: 'auto',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    nodePath: process.execPath,
    out: (text) => {
      transcript += text;
    },
    timeoutMs: RUN_MS - 30_000,
    ...options,
  });
  return { result, transcript };
}

/** The temporary directory the transcript names must be gone. */
function expectCleanedUp(transcript: string): void {
  const dir = /started in (\S+):/.exec(transcript)?.[1];
  expect(dir, transcript).toBeDefined();
  expect(existsSync(dir ?? ''), `${dir} was not deleted`).toBe(false);
}

describe('npm run demo', () => {
  it(
    'the happy path: every gate, staging, a healthy canary, two approvals, the lock, production once, verified',
    async () => {
      const { result, transcript } = await demo({ mode: 'happy' });
      expect(result, transcript).toMatchObject({ exitCode: 0, phase: 'deployed', endReason: 'verified' });
      expect(result.deploys, transcript).toEqual({ staging: 1, canary: 1, production: 1 });
      expect(result.auditVerified).toBe(true);
      for (const gate of ['Static analysis', 'Security scanner', 'Unit tests', 'Fuzzing']) {
        expect(transcript).toMatch(new RegExp(`✔ gate ${gate} passed in [\\d.]+ s`));
      }
      expect(transcript).toMatch(/gate Fuzzing starts with seed \d+/);
      expect(transcript).toMatch(/canary look \d+: HEALTHY — [^\n]*\n\s+metric\s+baseline\s+canary/);
      expect(transcript).toContain('Bob approved in Slack (1 of 2 named approvers)');
      expect(transcript).toContain('Carol approved in Slack (2 of 2 named approvers)');
      // The countdown; a canary look in doubt may pause it (the line says so), never skip it.
      expect(transcript).toMatch(/time lock: \d+ s left/);
      expect(transcript).toMatch(/time lock ran out: preflight before production/);
      expect(transcript).toMatch(/✔ production verification passed/);
      expect(transcript).toMatch(/shiplock audit verify: audit log verified: \d+ events/);
      expectCleanedUp(transcript);
    },
    RUN_MS,
  );

  it(
    '--bad-canary: the judge says unhealthy, the canary is rolled back, production never runs',
    async () => {
      const { result, transcript } = await demo({ mode: 'bad-canary', prometheus: 'stand-in' });
      expect(result, transcript).toMatchObject({
        exitCode: 0,
        phase: 'rejected',
        endReason: 'canary_unhealthy',
        prometheus: 'stand-in',
      });
      expect(result.deploys, transcript).toEqual({ staging: 1, canary: 1, rollback: 1 });
      expect(result.auditVerified).toBe(true);
      expect(transcript).toMatch(/canary look \d+: UNHEALTHY — [^\n]*error_rate/);
      expect(transcript).toMatch(/error_rate \*\s+\S+\s+\S+\s+\+\d+[^\n]*unhealthy/);
      expect(transcript).not.toContain('approved in Slack');
      expectCleanedUp(transcript);
    },
    RUN_MS,
  );

  it(
    '--cancel: Carol cancels during the time lock, the rollout ends cancelled, production never runs',
    async () => {
      const { result, transcript } = await demo({ mode: 'cancel' });
      expect(result, transcript).toMatchObject({ exitCode: 0, phase: 'cancelled', endReason: 'cancelled_by' });
      expect(result.deploys, transcript).toEqual({ staging: 1, canary: 1 });
      expect(result.auditVerified).toBe(true);
      expect(transcript).toMatch(/time lock: \d+ s left|time lock PAUSED/);
      expect(transcript).toContain('Carol clicks Cancel on the card');
      expect(transcript).toMatch(/phase: time_locked → cancelled/);
      expect(transcript).not.toContain('deploy production');
      expectCleanedUp(transcript);
    },
    RUN_MS,
  );
});
