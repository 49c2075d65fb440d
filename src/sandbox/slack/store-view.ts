import { assignBlockIds } from './assign-block-ids.ts';
import { randomId } from './random-id.ts';
import type { StandInContext } from './stand-in-context.ts';
import type { JsonObject, StoredView } from './types.ts';

/** Stores a new view, or a new version of `existing` (same id, fresh `hash`, old version in history). */
export function storeView(
  context: StandInContext,
  input: { readonly type: StoredView['type']; readonly user: string; readonly view: JsonObject },
  existing?: StoredView,
): StoredView {
  const blocks = Array.isArray(input.view.blocks) ? assignBlockIds(input.view.blocks) : [];
  const view = { ...input.view, blocks };
  const hash = `${Math.floor(context.clock() / 1000)}.${randomId('', 8, false)}`;
  if (existing !== undefined) {
    existing.history.push(existing.view);
    existing.view = view;
    existing.hash = hash;
    existing.open = true;
    return existing;
  }
  const stored: StoredView = {
    id: randomId('V', 10),
    type: input.type,
    user: input.user,
    view,
    hash,
    open: true,
    history: [],
  };
  context.workspace.views.set(stored.id, stored);
  return stored;
}
