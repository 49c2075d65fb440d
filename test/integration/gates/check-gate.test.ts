import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckGateConfig } from '../../../src/config/types.ts';
import { createGateHarness, type GateHarness, REPO } from './gate-harness.ts';

const CHECK = 'ci / test (20)';

let h: GateHarness;

beforeAll(async () => {
  h = await createGateHarness({ pollMs: 50 });
});
afterAll(async () => {
  await h?.close();
});

/** A fresh PR (its own head commit) so check runs of one case never leak into another. */
function freshRollout(branch: string) {
  const sha = h.origin.commit(branch, h.origin.base, { [`${branch}.txt`]: `${branch}\n` });
  return { sha, rollout: h.rolloutAt(h.openPullRequest([sha]), sha) };
}

function checkGate(id: string, timeoutMs: number): void {
  const config: CheckGateConfig = { id, name: id, kind: 'github_check', phase: 'testing', timeoutMs, checkName: CHECK };
  h.gates.set(id, config);
}

describe('a github_check gate against the GitHub stand-in', () => {
  it('passes when CI concluded success on the exact SHA', async () => {
    checkGate('ci', 10_000);
    const { sha, rollout } = freshRollout('ci-success');
    h.standIn.completeCheckRun(REPO, sha, CHECK, 'success');
    const seen = await h.run('ci', rollout);
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toBe(`check run ${CHECK} succeeded`);
    expect(seen.record).toMatchObject({ name: 'ci', details: `check run ${CHECK} succeeded`, logPath: null });
    expect(seen.leftovers).toEqual([]);
  });

  it('waits for a run that completes later, then fails on failure', async () => {
    checkGate('ci', 10_000);
    const { sha, rollout } = freshRollout('ci-failure');
    const run = h.standIn.startCheckRun(REPO, sha, CHECK);
    setTimeout(() => h.standIn.completeCheckRun(REPO, sha, CHECK, 'failure'), 300);
    const seen = await h.run('ci', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toBe(
      `check run ${CHECK} concluded failure: https://github.com/${REPO}/runs/${run.id}`,
    );
    expect(seen.outcome.durationMs).toBeGreaterThanOrEqual(250);
    expect(seen.record?.details).toBe(seen.outcome.summary);
  });

  it('ignores a success on another SHA and is an error when nothing reported before the timeout', async () => {
    checkGate('ci-short', 800);
    const { rollout } = freshRollout('ci-silent');
    h.standIn.completeCheckRun(REPO, h.origin.base, CHECK, 'success');
    const seen = await h.run('ci-short', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toBe(`check run ${CHECK} did not report within 800ms`);
    expect(seen.outcome.durationMs).toBeGreaterThanOrEqual(800);
    expect(seen.outcome.durationMs).toBeLessThan(3_000);
    expect(seen.record?.details).toBe(seen.outcome.summary);
  });
});

describe('a gate the repository does not configure', () => {
  it('makes the runner throw shiplock_gate_not_configured, touching nothing', async () => {
    const { rollout } = freshRollout('unknown-gate');
    const calls = h.standIn.calls.length;
    await expect(h.run('no-such-gate', rollout)).rejects.toThrow('shiplock_gate_not_configured: no-such-gate');
    expect(h.records.list(rollout.id)).toEqual([]);
    expect(h.standIn.calls.length).toBe(calls);
    expect(readdirSync(h.workspacesRoot)).toEqual([]);
  });

  it('refuses a command for another SHA than the rollout it names', async () => {
    checkGate('ci-other-sha', 10_000);
    const { rollout } = freshRollout('other-sha');
    const command = {
      type: 'RunGate' as const,
      rolloutId: rollout.id,
      sha: 'e'.repeat(40),
      gateId: 'ci-other-sha',
      attempt: 1,
    };
    await expect(h.runner.run(command, rollout, { seed: 1 })).rejects.toThrow(/^shiplock_gate_sha_mismatch: e{40}$/);
    expect(readdirSync(h.workspacesRoot)).toEqual([]);
  });
});
