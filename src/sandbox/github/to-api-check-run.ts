import { type ApiContext, isoTime } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import { repoRewrites } from './to-api-repository.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject, StoredCheckRun } from './types.ts';

/** The two apps that write check runs here: the token's own installation, and a simulated CI. */
export const CHECK_APPS = {
  token: { id: 1_000_001, slug: 'shiplock', name: 'shiplock', owner: 'shiplock-dev' },
  ci: { id: 15_368, slug: 'github-actions', name: 'GitHub Actions', owner: 'github' },
} as const;

function toApp(context: ApiContext, run: StoredCheckRun): JsonObject {
  const app = CHECK_APPS[run.app];
  const template = context.templates.checkRun.app as JsonObject;
  return {
    ...template,
    id: app.id,
    slug: app.slug,
    node_id: nodeId('App', app.id),
    name: app.name,
    owner: toApiUser(context, app.owner),
    html_url: `${context.htmlBase}/apps/${app.slug}`,
  };
}

/** A `check-run` from the real example, carrying the stored run's state. */
export function toApiCheckRun(context: ApiContext, fullName: string, run: StoredCheckRun): JsonObject {
  const template = context.templates.checkRun;
  const moved = rewriteStrings(template, replaceAllOf([[String(template.id), String(run.id)]]));
  const url = `${context.apiBase}/repos/${fullName}/check-runs/${run.id}`;
  return {
    ...rewriteStrings(moved, repoRewrites(context, fullName)),
    id: run.id,
    node_id: nodeId('CheckRun', run.id),
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `${context.htmlBase}/${fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: isoTime(run.startedAt),
    completed_at: run.completedAt === null ? null : isoTime(run.completedAt),
    output: { ...run.output, annotations_count: 0, annotations_url: `${url}/annotations` },
    name: run.name,
    check_suite: { id: run.suiteId },
    app: toApp(context, run),
    // GitHub fills this only for PRs whose head is in the same repository; shiplock never reads it.
    pull_requests: [],
  };
}
