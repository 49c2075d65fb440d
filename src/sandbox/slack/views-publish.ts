import { checkView } from './check-view.ts';
import { readJson, readString } from './read-arg.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';
import { storeView } from './store-view.ts';
import { toApiView } from './to-api-view.ts';
import type { JsonObject } from './types.ts';

/**
 * `views.publish` (https://docs.slack.dev/reference/methods/views.publish): stores the Home tab of
 * `user_id` (one per user, same view id across publishes); unknown user → `invalid_arguments`
 * ("invalid `user_id`"); a stale `hash` → `hash_conflict`.
 */
export const viewsPublish: ApiMethod = (args, context) => {
  const { workspace } = context;
  const user = readString(args, 'user_id');
  if (user === undefined || !workspace.users.has(user)) return failure('invalid_arguments', ['invalid `user_id`']);
  const view = readJson(args, 'view');
  if (!view.ok) return failure('invalid_arguments', ['must provide an object [json-pointer:/view]']);
  const problems = checkView(view.value, 'home', context.validate);
  if (problems.length > 0) return failure('invalid_arguments', problems);
  const homeId = workspace.homeViews.get(user);
  const existing = homeId === undefined ? undefined : workspace.views.get(homeId);
  const hash = readString(args, 'hash');
  if (hash !== undefined && existing !== undefined && hash !== existing.hash) return failure('hash_conflict');
  const stored = storeView(context, { type: 'home', user, view: view.value as JsonObject }, existing);
  workspace.homeViews.set(user, stored.id);
  return { ok: true, view: toApiView(stored, workspace) };
};
