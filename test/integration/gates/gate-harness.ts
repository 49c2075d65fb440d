import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import OpenAI from 'openai';
import { createRunRecords, type RunRecords } from '../../../src/adapters/db/create-run-records.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { type CheckGate, createCheckGate } from '../../../src/adapters/gates/create-check-gate.ts';
import { createGateRunner } from '../../../src/adapters/gates/create-gate-runner.ts';
import { createGitHubApi } from '../../../src/adapters/github/create-github-api.ts';
import { createSandbox } from '../../../src/adapters/process/create-sandbox.ts';
import type { Sandbox } from '../../../src/adapters/process/sandbox.ts';
import { createModelScanner } from '../../../src/adapters/reviewer/create-model-scanner.ts';
import type { RunRecord } from '../../../src/adapters/runs/run-record.ts';
import { createWorkspaces } from '../../../src/adapters/workspace/create-workspaces.ts';
import type { GateConfig } from '../../../src/config/types.ts';
import { decide } from '../../../src/core/decide.ts';
import type { GateOutcome, Rollout, RunGate } from '../../../src/core/types.ts';
import { createGitHubStandIn, type GitHubStandIn } from '../../../src/sandbox/github/index.ts';
import { STAND_IN_API_KEY } from '../../../src/sandbox/openai/index.ts';
import type { GateRunner } from '../../../src/shell/ports.ts';
import { POLICY, prAt } from '../../support/core-fixtures.ts';
import { BWRAP_PATH, requireBubblewrap } from '../process/require-bubblewrap.ts';
import { createOriginRepo, type OriginRepo } from './origin-repo.ts';

export const REPO = 'acme/api';

/** What one run produced: the outcome for the core and the run record people read. */
export interface GateRunSeen {
  readonly outcome: GateOutcome;
  readonly record: RunRecord | null;
  /** Entries left in the workspaces root after the run (must be none). */
  readonly leftovers: readonly string[];
}

/** The gate runner built from real parts: origin, GitHub stand-in, bubblewrap, workspaces, SQLite. */
export interface GateHarness {
  readonly origin: OriginRepo;
  readonly standIn: GitHubStandIn;
  readonly checkGate: CheckGate;
  readonly records: RunRecords;
  readonly runner: GateRunner;
  /** Temporary directory holding the workspaces root, the logs and the database. */
  readonly dir: string;
  readonly workspacesRoot: string;
  readonly logDir: string;
  /** The configured gates, by id: tests add theirs. */
  readonly gates: Map<string, GateConfig>;
  /** Opens a PR on the stand-in whose commits are `shas` (oldest first) and diff the real one. */
  openPullRequest(shas: readonly string[]): number;
  /** The real rollout the core starts for PR `number` at `sha`. */
  rolloutAt(number: number, sha: string): Rollout;
  run(gateId: string, rollout: Rollout, seed?: number, runner?: GateRunner): Promise<GateRunSeen>;
  /** Another runner on the same parts but another sandbox (the unsandboxed control). */
  runnerWith(sandbox: Sandbox): GateRunner;
  close(): Promise<void>;
}

export interface GateHarnessOptions {
  readonly githubToken?: string;
  /** How often the check gate asks GitHub. */
  readonly pollMs?: number;
}

/** Builds the harness; fails (never skips) without a working bubblewrap. */
export async function createGateHarness(options: GateHarnessOptions = {}): Promise<GateHarness> {
  await requireBubblewrap();
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-gates-'));
  const workspacesRoot = join(dir, 'workspaces');
  const logDir = join(dir, 'logs');
  mkdirSync(workspacesRoot);
  const origin = createOriginRepo();
  const standIn = await createGitHubStandIn({ cloneUrl: () => origin.cloneUrl });
  standIn.repository(REPO).branches.set('main', origin.base);
  const api = createGitHubApi({ octokit: new Octokit({ auth: standIn.token, baseUrl: standIn.url }) });
  const db = openDatabase(join(dir, 'shiplock.db'));
  const records = createRunRecords(db);
  const clock = { now: Date.now };
  const checkGate = createCheckGate({ api, clock, pollMs: options.pollMs ?? 50 });
  const gates = new Map<string, GateConfig>();
  const sandbox = await createSandbox({ mode: 'bubblewrap', bwrapPath: BWRAP_PATH, process: { killGraceMs: 500 } });
  const runnerWith = (on: Sandbox): GateRunner =>
    createGateRunner({
      gateFor: (repo, gateId) => (repo === REPO ? gates.get(gateId) : undefined),
      api,
      workspaces: createWorkspaces({ root: workspacesRoot }),
      sandbox: on,
      checkGate,
      modelScanner: (model) =>
        createModelScanner({
          openai: new OpenAI({
            apiKey: STAND_IN_API_KEY,
            maxRetries: 0,
            ...(model.baseUrl ? { baseURL: model.baseUrl } : {}),
          }),
          model: model.model,
          timeoutMs: model.timeoutMs,
        }),
      records,
      logDir,
      ...(options.githubToken === undefined ? {} : { githubToken: options.githubToken }),
      clock,
    });
  const runner = runnerWith(sandbox);
  let rollouts = 0;
  return {
    origin,
    standIn,
    checkGate,
    records,
    runner,
    dir,
    workspacesRoot,
    logDir,
    gates,
    runnerWith,
    openPullRequest(shas) {
      const last = shas.at(-1);
      if (last === undefined) throw new Error('a pull request needs a commit');
      const pull = standIn.openPullRequest({
        repo: REPO,
        author: 'alice',
        commits: shas.map((sha) => ({ sha, author: { login: 'alice' } })),
        diff: origin.diff(origin.base, last),
      });
      return pull.number;
    },
    rolloutAt(number, sha) {
      rollouts += 1;
      const pr = { ...prAt(sha), repo: REPO, number, url: `https://github.com/${REPO}/pull/${number}` };
      const event = { type: 'PullRequestOpened' as const, pr, rolloutId: `r${rollouts}`, at: Date.now() };
      const rollout = decide(null, event, POLICY).state?.rollouts[0];
      if (rollout === undefined) throw new Error('opening the PR made no rollout');
      return rollout;
    },
    async run(gateId, rollout, seed = 1, on = runner) {
      const command: RunGate = { type: 'RunGate', rolloutId: rollout.id, sha: rollout.pr.sha, gateId, attempt: 1 };
      const outcome = await on.run(command, rollout, { seed });
      return {
        outcome,
        record: records.find(rollout.id, 'gate', gateId, 1),
        leftovers: readdirSync(workspacesRoot),
      };
    },
    async close() {
      await standIn.close();
      db.close();
      origin.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The whole log a gate run left, per the runner's layout. */
export function logPathOf(harness: GateHarness, rollout: Rollout, gateId: string): string {
  return join(harness.logDir, rollout.id, `gate-${gateId}-1.log`);
}
