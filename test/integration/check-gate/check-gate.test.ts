import { describe, expect, it } from 'vitest';
import { createCheckGate, type Sleep } from '../../../src/adapters/gates/create-check-gate.ts';
import { checkRun, createScriptedGitHubApi } from './scripted-github-api.ts';

const SHA = 'a'.repeat(40);
const REPO = 'octo/app';
const MINUTE = 60_000;

/** A clock that only moves when the gate sleeps: whole timeouts pass in microseconds, exactly. */
function manualTime(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  const sleep: Sleep = async (ms) => {
    sleeps.push(ms);
    now += ms;
  };
  return { clock: { now: () => now }, sleep, sleeps };
}

const input = { repo: REPO, sha: SHA, checkName: 'ci', timeoutMs: 30 * MINUTE };

describe('check-run gate', () => {
  it('passes on success, asking for the named check on the exact SHA', async () => {
    const api = createScriptedGitHubApi([checkRun(1)]);
    const outcome = await createCheckGate({ api, ...manualTime() }).run(input);
    expect(outcome).toEqual({ status: 'passed', summary: 'check run ci succeeded', durationMs: 0 });
    expect(api.calls).toEqual([{ repo: REPO, sha: SHA, checkName: 'ci' }]);
  });

  it('waits while the run is queued or in progress, then passes; duration comes from the clock', async () => {
    const api = createScriptedGitHubApi(
      [],
      [checkRun(1, { status: 'queued', conclusion: null })],
      [checkRun(1, { status: 'in_progress', conclusion: null })],
      [checkRun(1)],
    );
    const time = manualTime();
    const outcome = await createCheckGate({ api, ...time, pollMs: 10_000 }).run(input);
    expect(outcome).toEqual({ status: 'passed', summary: 'check run ci succeeded', durationMs: 30_000 });
    expect(time.sleeps).toEqual([10_000, 10_000, 10_000]);
  });

  it.each([['failure'], ['cancelled'], ['timed_out'], ['action_required']] as const)(
    'fails on %s with the run URL',
    async (conclusion) => {
      const api = createScriptedGitHubApi([checkRun(7, { conclusion })]);
      const outcome = await createCheckGate({ api, ...manualTime() }).run(input);
      expect(outcome.status).toBe('failed');
      expect(outcome.summary).toBe(`check run ci concluded ${conclusion}: https://github.com/octo/app/runs/7`);
    },
  );

  it.each([['skipped'], ['neutral'], ['stale']] as const)(
    'fails closed on %s: a required check must succeed',
    async (conclusion) => {
      const api = createScriptedGitHubApi([checkRun(3, { conclusion })]);
      const outcome = await createCheckGate({ api, ...manualTime() }).run(input);
      expect(outcome.status).toBe('failed');
      expect(outcome.summary).toBe(
        `check run ci concluded ${conclusion}; a required check must succeed: https://github.com/octo/app/runs/3`,
      );
    },
  );

  it('lets the newest run decide when there are re-runs, in whatever order GitHub lists them', async () => {
    const rerunPassed = [checkRun(9), checkRun(4, { conclusion: 'failure' })];
    const gate = createCheckGate({ api: createScriptedGitHubApi(rerunPassed), ...manualTime() });
    expect((await gate.run(input)).status).toBe('passed');
    const reversed = createCheckGate({ api: createScriptedGitHubApi([...rerunPassed].reverse()), ...manualTime() });
    expect((await reversed.run(input)).status).toBe('passed');
    const rerunFailed = [checkRun(4), checkRun(9, { conclusion: 'failure' })];
    expect(
      (await createCheckGate({ api: createScriptedGitHubApi(rerunFailed), ...manualTime() }).run(input)).status,
    ).toBe('failed');
  });

  it('keeps waiting while a re-run of a passed check is still running', async () => {
    const api = createScriptedGitHubApi(
      [checkRun(4), checkRun(9, { status: 'in_progress', conclusion: null })],
      [checkRun(9, { conclusion: 'failure' })],
    );
    const outcome = await createCheckGate({ api, ...manualTime() }).run(input);
    expect(outcome.summary).toBe('check run ci concluded failure: https://github.com/octo/app/runs/9');
  });

  it('ignores runs of other names (a fake or a loose API filter cannot pass it)', async () => {
    const api = createScriptedGitHubApi([checkRun(5, { name: 'lint' })]);
    const outcome = await createCheckGate({ api, ...manualTime() }).run({ ...input, timeoutMs: MINUTE });
    expect(outcome.status).toBe('error');
  });

  it('is an error, not a pass, when no run reports before the timeout', async () => {
    const time = manualTime();
    const outcome = await createCheckGate({ api: createScriptedGitHubApi([]), ...time }).run(input);
    expect(outcome).toEqual({
      status: 'error',
      summary: 'check run ci did not report within 30m',
      durationMs: 30 * MINUTE,
    });
    expect(time.sleeps).toHaveLength(60); // every 30 s for 30 min, the last poll exactly at the deadline
  });

  it('is an error when the run is still in progress at the timeout', async () => {
    const api = createScriptedGitHubApi([checkRun(2, { status: 'in_progress', conclusion: null })]);
    const outcome = await createCheckGate({ api, ...manualTime() }).run({ ...input, timeoutMs: 45_000 });
    expect(outcome).toEqual({
      status: 'error',
      summary: 'check run ci was still in_progress after 45s',
      durationMs: 45_000,
    });
  });

  it('retries GitHub API errors on the next poll and passes once the check reports', async () => {
    const failing = new Error('shiplock_github_rate_limited: secondary rate limit');
    const api = createScriptedGitHubApi(failing, failing, [checkRun(1)]);
    const outcome = await createCheckGate({ api, ...manualTime() }).run(input);
    expect(outcome).toEqual({ status: 'passed', summary: 'check run ci succeeded', durationMs: 60_000 });
    expect(api.calls).toHaveLength(3);
  });

  it('is an error naming the last error code when the API fails until the timeout', async () => {
    const api = createScriptedGitHubApi(new Error('shiplock_github_unavailable: 502 from api.github.com'));
    const outcome = await createCheckGate({ api, ...manualTime() }).run(input);
    expect(outcome.status).toBe('error');
    expect(outcome.summary).toBe(
      'check run ci: GitHub API kept failing until the 30m limit (shiplock_github_unavailable)',
    );
  });

  it('keeps summaries to one line even when GitHub sends a name with newlines', async () => {
    const name = 'ci\n*evil*';
    const api = createScriptedGitHubApi([checkRun(1, { name, conclusion: 'failure', htmlUrl: 'https://x/\nrun' })]);
    const outcome = await createCheckGate({ api, ...manualTime() }).run({ ...input, checkName: name });
    expect(outcome.summary).toBe('check run ci *evil* concluded failure: https://x/ run');
  });
});
