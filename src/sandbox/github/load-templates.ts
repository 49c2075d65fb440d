import { createRequire } from 'node:module';
import type { JsonObject } from './types.ts';

/** Real payload objects the stand-in's answers start from (GitHub's own examples, never invented). */
export interface Templates {
  readonly user: JsonObject;
  readonly repository: JsonObject;
  readonly pullRequest: JsonObject;
  readonly commit: JsonObject;
  readonly comment: JsonObject;
  readonly checkRun: JsonObject;
  readonly deployment: JsonObject;
  readonly deploymentStatus: JsonObject;
}

interface ExampleGroup {
  readonly name: string;
  readonly examples: readonly Record<string, JsonObject>[];
}

const require = createRequire(import.meta.url);
let cached: Templates | undefined;

function pick(groups: readonly ExampleGroup[], name: string, index: number, key: string): JsonObject {
  const value = groups.find((group) => group.name === name)?.examples[index]?.[key];
  if (value === undefined)
    throw new Error(`github stand-in: no ${name}[${index}].${key} in @octokit/webhooks-examples`);
  return value;
}

/**
 * Loads the objects once from `@octokit/webhooks-examples` (a dev dependency: the stand-in is
 * sandbox-only). Webhook payloads embed the same objects the REST API returns, so a pull request,
 * a check run or a deployment taken from them has GitHub's real shape; `test/integration/sandbox-github`
 * checks every answer built from them against GitHub's OpenAPI description.
 */
export function loadTemplates(): Templates {
  if (cached !== undefined) return cached;
  const groups = require('@octokit/webhooks-examples') as readonly ExampleGroup[];
  const pullRequest = pick(groups, 'pull_request', 0, 'pull_request');
  const status = groups.find((group) => group.name === 'status')?.examples[0];
  cached = {
    user: pick(groups, 'pull_request', 0, 'sender'),
    repository: (pullRequest.head as JsonObject).repo as JsonObject,
    pullRequest,
    commit: status?.commit ?? {},
    comment: pick(groups, 'issue_comment', 0, 'comment'),
    checkRun: pick(groups, 'check_run', 1, 'check_run'),
    deployment: pick(groups, 'deployment', 0, 'deployment'),
    deploymentStatus: pick(groups, 'deployment_status', 0, 'deployment_status'),
  };
  return cached;
}
