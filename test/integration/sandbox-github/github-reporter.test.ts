import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubReporter } from '../../../src/adapters/github/create-github-reporter.ts';
import type { ReportToGitHub } from '../../../src/core/types.ts';
import type { GitHubStandIn } from '../../../src/sandbox/github/index.ts';
import type { GitHubReporter } from '../../../src/shell/ports.ts';
import { startGitHub } from './start-github.ts';

const REPO = 'acme/api';
let standIn: GitHubStandIn;
let reporter: GitHubReporter;
let sha: string;

beforeEach(async () => {
  const started = await startGitHub();
  standIn = started.standIn;
  reporter = createGitHubReporter({
    api: started.api,
    describe: {
      gate: (_rolloutId, gateId) => ({
        name: gateId === 'unit' ? 'Unit tests' : gateId,
        summary: `Summary of ${gateId}`,
      }),
      environment: (_repo, stage) => ({
        name: stage === 'rollback' ? 'production' : stage,
        production: stage === 'production' || stage === 'rollback',
      }),
      rolloutUrl: (rolloutId) => `https://shiplock.test/rollouts/${rolloutId}`,
    },
  });
  sha = standIn.openPullRequest({ repo: REPO, author: 'alice' }).commits.at(-1)?.sha ?? '';
});
afterEach(async () => {
  await standIn.close();
});

const gate = (status: 'pending' | 'running' | 'passed' | 'failed' | 'error', gateId = 'unit'): ReportToGitHub => ({
  type: 'ReportToGitHub',
  rolloutId: 'ro_1',
  repo: REPO,
  sha,
  report: { kind: 'gate', gateId, status },
});

describe('gates become check runs', () => {
  it.each([
    ['pending', 'queued', null, 'Waiting to run'],
    ['running', 'in_progress', null, 'Running'],
    ['passed', 'completed', 'success', 'Passed'],
    ['failed', 'completed', 'failure', 'Failed'],
    ['error', 'completed', 'failure', 'shiplock error'],
  ] as const)('%s shows as %s / %s', async (status, checkStatus, conclusion, title) => {
    await reporter.report(gate(status));
    expect(standIn.checkRuns(REPO, sha)).toEqual([
      expect.objectContaining({
        name: 'shiplock / Unit tests',
        externalId: 'shiplock:ro_1:gate:unit',
        status: checkStatus,
        conclusion,
        detailsUrl: 'https://shiplock.test/rollouts/ro_1',
        output: { title, summary: 'Summary of unit', text: null },
      }),
    ]);
  });

  it('moves one check run through a gate lifecycle', async () => {
    for (const status of ['pending', 'running', 'passed'] as const) await reporter.report(gate(status));
    await reporter.report(gate('running', 'lint'));
    expect(standIn.checkRuns(REPO, sha).map((run) => [run.name, run.status, run.conclusion])).toEqual([
      ['shiplock / Unit tests', 'completed', 'success'],
      ['shiplock / lint', 'in_progress', null],
    ]);
  });
});

describe('deploy stages become deployments', () => {
  it('records a stage as one deployment with its statuses', async () => {
    const deploy = (
      status: 'in_progress' | 'success' | 'failure',
      stage: 'staging' | 'production',
    ): ReportToGitHub => ({
      type: 'ReportToGitHub',
      rolloutId: 'ro_1',
      repo: REPO,
      sha,
      report: { kind: 'deployment', stage, status },
    });
    await reporter.report(deploy('in_progress', 'staging'));
    await reporter.report(deploy('success', 'staging'));
    await reporter.report(deploy('in_progress', 'production'));
    await reporter.report(deploy('failure', 'production'));
    const [staging, production] = standIn.deployments(REPO);
    expect(staging).toMatchObject({ environment: 'staging', transient: true, production: false });
    expect(staging?.statuses.map((status) => [status.state, status.description, status.logUrl])).toEqual([
      ['in_progress', 'shiplock staging deploy in progress', 'https://shiplock.test/rollouts/ro_1'],
      ['success', 'shiplock staging deploy succeeded', 'https://shiplock.test/rollouts/ro_1'],
    ]);
    expect(production).toMatchObject({ environment: 'production', transient: false, production: true });
    expect(production?.statuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
  });
});
