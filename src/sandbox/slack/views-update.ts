import { checkView } from './check-view.ts';
import { readJson, readString } from './read-arg.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';
import { storeView } from './store-view.ts';
import { toApiView } from './to-api-view.ts';
import type { JsonObject } from './types.ts';

/**
 * `views.update` (https://docs.slack.dev/reference/methods/views.update): replaces a view found by
 * `view_id` or `external_id` (`not_found` otherwise); a stale `hash` → `hash_conflict`.
 */
export const viewsUpdate: ApiMethod = (args, context) => {
  const viewId = readString(args, 'view_id');
  const externalId = readString(args, 'external_id');
  if (viewId === undefined && externalId === undefined) {
    return failure('invalid_arguments', ['missing required field: view_id']);
  }
  const stored =
    viewId === undefined
      ? [...context.workspace.views.values()].find((view) => view.view.external_id === externalId)
      : context.workspace.views.get(viewId);
  if (stored === undefined) return failure('not_found');
  const view = readJson(args, 'view');
  if (!view.ok) return failure('invalid_arguments', ['must provide an object [json-pointer:/view]']);
  const problems = checkView(view.value, stored.type, context.validate);
  if (problems.length > 0) return failure('invalid_arguments', problems);
  const hash = readString(args, 'hash');
  if (hash !== undefined && hash !== stored.hash) return failure('hash_conflict');
  storeView(context, { type: stored.type, user: stored.user, view: view.value as JsonObject }, stored);
  return { ok: true, view: toApiView(stored, context.workspace) };
};
