import { join } from 'node:path';
import type { Logger } from 'pino';
import type { createRunRecords } from '../adapters/db/create-run-records.ts';
import { createScriptDeployer } from '../adapters/deployer/create-script-deployer.ts';
import { type CheckGate, createCheckGate } from '../adapters/gates/create-check-gate.ts';
import { createGateRunner } from '../adapters/gates/create-gate-runner.ts';
import type { GitHubApi } from '../adapters/github/github-api.ts';
import type { Sandbox } from '../adapters/process/sandbox.ts';
import { createAdvisoryReviewer } from '../adapters/reviewer/create-advisory-reviewer.ts';
import { createModelScanner } from '../adapters/reviewer/create-model-scanner.ts';
import { createWorkspaces } from '../adapters/workspace/create-workspaces.ts';
import { findRepository } from '../config/find-repository.ts';
import type { Config } from '../config/types.ts';
import type { AdvisoryReviewer, Clock, Deployer, GateRunner } from '../shell/ports.ts';
import { createOpenAiClient } from './create-openai-client.ts';

/** What the gate, review and deploy ports are built from. */
export interface GatePortsOptions {
  readonly config: Config;
  readonly api: GitHubApi;
  readonly sandbox: Sandbox;
  readonly records: ReturnType<typeof createRunRecords>;
  /** Deploy scripts run here (the configuration file's directory). */
  readonly scriptDir: string;
  /** shiplock's own environment: deploy scripts inherit it minus shiplock's secrets. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The ports that act on the PR's code and on the operator's environments. */
export interface GatePorts {
  readonly gates: GateRunner;
  readonly checkGate: CheckGate;
  readonly reviewer: AdvisoryReviewer;
  readonly deployer: Deployer;
  /** Removes workspaces a crash left behind. */
  sweep(): Promise<number>;
}

/** Gate runs are limited by their own timeouts; anything older than a day is a crash's leftover. */
const WORKSPACE_MAX_AGE_MS = 24 * 3_600_000;

/** Builds the gate runner, the advisory reviewer and the deploy-script handoff. */
export function buildGatePorts(options: GatePortsOptions): GatePorts {
  const { config, api, sandbox, records, clock } = options;
  const workspaces = createWorkspaces({
    root: join(config.workDir, 'workspaces'),
    ...(options.env.PATH === undefined ? {} : { path: options.env.PATH }),
    now: clock.now,
  });
  const checkGate = createCheckGate({ api, clock });
  const logDir = join(config.workDir, 'logs');
  const gates = createGateRunner({
    gateFor: (repo, gateId) => findRepository(config, repo)?.gates.find((g) => g.id === gateId),
    api,
    workspaces,
    sandbox,
    checkGate,
    modelScanner: (model) =>
      createModelScanner({ openai: createOpenAiClient(config, model), model: model.model, timeoutMs: model.timeoutMs }),
    records,
    logDir,
    ...(config.secrets.GITHUB_TOKEN === undefined ? {} : { githubToken: config.secrets.GITHUB_TOKEN }),
    clock,
  });
  const deployer = createScriptDeployer({
    scriptFor: (repo, stage) => findRepository(config, repo)?.deploy[stage],
    cwd: options.scriptDir,
    baseEnv: options.env,
    logDir,
    records,
    clock: clock.now,
  });
  return {
    gates,
    checkGate,
    reviewer: buildReviewer(config, api, options.logger),
    deployer,
    sweep: () => workspaces.sweep(WORKSPACE_MAX_AGE_MS),
  };
}

/** The advisory reviewer; without OPENAI_API_KEY it says "unavailable" and nothing else changes. */
function buildReviewer(config: Config, api: GitHubApi, logger: Logger): AdvisoryReviewer {
  if (config.secrets.OPENAI_API_KEY === undefined && config.endpoints.openaiBaseUrl === undefined) {
    return { review: async () => ({ kind: 'advisory', payload: { unavailable: 'shiplock_reviewer_not_configured' } }) };
  }
  return createAdvisoryReviewer({
    openai: createOpenAiClient(config),
    model: config.advisoryReview.model,
    loadContext: async (rollout) => {
      const { repo, number } = rollout.pr;
      const [pr, diff, comments] = await Promise.all([
        api.getPullRequest(repo, number),
        api.getDiff(repo, number),
        api.listComments(repo, number),
      ]);
      return { title: pr.title, body: pr.body, diff, comments };
    },
    timeoutMs: 120_000,
    maxDiffBytes: 200_000,
    logger,
  });
}
