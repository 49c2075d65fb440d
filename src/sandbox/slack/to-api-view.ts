import type { Workspace } from './create-workspace.ts';
import type { JsonObject, StoredView } from './types.ts';

/**
 * A stored view as `views.open` / `views.update` / `views.publish` return it and as interaction
 * payloads carry it (shape of fixtures `slack-web.views.publish_example.json` and `view_submission.json`).
 */
export function toApiView(stored: StoredView, workspace: Workspace, values: JsonObject = {}): JsonObject {
  const { view } = stored;
  return {
    id: stored.id,
    team_id: workspace.team.id,
    type: stored.type,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values },
    hash: stored.hash,
    title: view.title ?? null,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: null,
    root_view_id: stored.id,
    app_id: workspace.bot.appId,
    external_id: view.external_id ?? '',
    app_installed_team_id: workspace.team.id,
    bot_id: workspace.bot.botId,
  };
}
