import { describe, expect, it } from 'vitest';
import { createCheckGate } from '../../../src/adapters/gates/create-check-gate.ts';
import { checkRun, createScriptedGitHubApi } from './scripted-github-api.ts';

const SHA = 'b'.repeat(40);
const HOUR = 3_600_000;
const realClock = { now: () => Date.now() };

/** Resolves once the fake API has been asked `n` times. */
async function untilCalls(calls: readonly unknown[], n: number): Promise<void> {
  while (calls.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
}

// Real timers and a one-hour poll interval: only a wake-up can make these finish in time.
describe('check-run gate wake-ups', () => {
  it('notify for the check wakes the gate long before the next poll', async () => {
    const api = createScriptedGitHubApi([checkRun(1, { status: 'in_progress', conclusion: null })]);
    const gate = createCheckGate({ api, clock: realClock, pollMs: HOUR });
    const started = Date.now();
    const outcome = gate.run({ repo: 'octo/app', sha: SHA, checkName: 'ci', timeoutMs: 2 * HOUR });
    await untilCalls(api.calls, 1);
    api.answerNext([checkRun(1)]);
    gate.notify('Octo/App', SHA.toUpperCase(), 'ci');
    expect(await outcome).toMatchObject({ status: 'passed' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(api.calls).toHaveLength(2);
  });

  it("'*' wakes every check on the commit; another commit's or check's notify does not", async () => {
    const api = createScriptedGitHubApi([]);
    const gate = createCheckGate({ api, clock: realClock, pollMs: HOUR });
    const outcome = gate.run({ repo: 'octo/app', sha: SHA, checkName: 'ci', timeoutMs: 2 * HOUR });
    await untilCalls(api.calls, 1);
    gate.notify('octo/app', 'c'.repeat(40), 'ci');
    gate.notify('octo/app', SHA, 'lint');
    gate.notify('octo/other', SHA, '*');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.calls).toHaveLength(1);
    api.answerNext([checkRun(2, { conclusion: 'failure' })]);
    gate.notify('octo/app', SHA, '*');
    expect(await outcome).toMatchObject({ status: 'failed' });
  });

  it('a notify that lands while GitHub is being asked is not lost', async () => {
    let release: () => void = () => undefined;
    const api = createScriptedGitHubApi([]);
    const gate = createCheckGate({
      clock: realClock,
      pollMs: HOUR,
      api: {
        async listCheckRuns(repo, sha, name) {
          const runs = await api.listCheckRuns(repo, sha, name);
          if (api.calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
          return runs;
        },
      },
    });
    const outcome = gate.run({ repo: 'octo/app', sha: SHA, checkName: 'ci', timeoutMs: 2 * HOUR });
    await untilCalls(api.calls, 1);
    api.answerNext([checkRun(3)]);
    gate.notify('octo/app', SHA, 'ci'); // the first answer ([]) is still on its way back
    release();
    expect(await outcome).toMatchObject({ status: 'passed' });
  });
});
