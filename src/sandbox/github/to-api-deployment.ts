import { type ApiContext, isoTime } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import { repoRewrites } from './to-api-repository.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject, StoredDeployment, StoredDeploymentStatus } from './types.ts';

/** A `deployment` from the real example, carrying the stored deployment. */
export function toApiDeployment(context: ApiContext, fullName: string, deployment: StoredDeployment): JsonObject {
  const template = context.templates.deployment;
  const moved = rewriteStrings(template, replaceAllOf([[String(template.id), String(deployment.id)]]));
  return {
    ...rewriteStrings(moved, repoRewrites(context, fullName)),
    id: deployment.id,
    node_id: nodeId('Deployment', deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: deployment.description,
    creator: toApiUser(context, deployment.creator),
    created_at: isoTime(deployment.at),
    updated_at: isoTime(deployment.statuses.at(-1)?.at ?? deployment.at),
    transient_environment: deployment.transient,
    production_environment: deployment.production,
  };
}

/** A `deployment-status` from the real example. */
export function toApiDeploymentStatus(
  context: ApiContext,
  fullName: string,
  deployment: StoredDeployment,
  status: StoredDeploymentStatus,
): JsonObject {
  const template = context.templates.deploymentStatus;
  const moved = rewriteStrings(
    template,
    replaceAllOf([
      [String(template.id), String(status.id)],
      [`/deployments/${String(context.templates.deployment.id)}`, `/deployments/${deployment.id}`],
    ]),
  );
  return {
    ...rewriteStrings(moved, repoRewrites(context, fullName)),
    id: status.id,
    node_id: nodeId('DeploymentStatus', status.id),
    state: status.state,
    creator: toApiUser(context, status.creator),
    description: status.description,
    environment: status.environment,
    // `target_url` is the deprecated name of `log_url`; GitHub keeps both equal.
    target_url: status.logUrl,
    log_url: status.logUrl,
    ...(status.environmentUrl === '' ? {} : { environment_url: status.environmentUrl }),
    created_at: isoTime(status.at),
    updated_at: isoTime(status.at),
  };
}
