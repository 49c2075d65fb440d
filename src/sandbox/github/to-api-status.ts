import { type ApiContext, isoTime } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject, StoredStatus } from './types.ts';

/**
 * A commit `status`. The webhook examples carry no REST status object, so its fields follow the
 * `status` schema of GitHub's OpenAPI description (checked by the conformance test).
 */
export function toApiStatus(context: ApiContext, fullName: string, status: StoredStatus): JsonObject {
  const creator = toApiUser(context, status.creator);
  return {
    url: `${context.apiBase}/repos/${fullName}/statuses/${status.sha}`,
    avatar_url: creator.avatar_url ?? null,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: isoTime(status.at),
    updated_at: isoTime(status.at),
    creator,
  };
}
