import type { JsonObject } from './types.ts';

/** The parts of a `block_actions` payload that depend on where and what was clicked. */
export interface BlockActionsParts {
  readonly user: JsonObject;
  readonly team: JsonObject;
  readonly apiAppId: string;
  readonly verificationToken: string;
  readonly triggerId: string;
  readonly container: JsonObject;
  readonly action: JsonObject;
  readonly channel?: JsonObject;
  readonly message?: JsonObject;
  readonly view?: JsonObject;
  readonly responseUrl?: string;
}

/**
 * A `block_actions` interaction payload shaped like Slack's (fixture `block_actions.button.json`, plus
 * the `message` / `view`, `state` and enterprise fields Slack sends on a non-Grid workspace).
 */
export function toBlockActionsPayload(parts: BlockActionsParts): JsonObject {
  return {
    type: 'block_actions',
    user: parts.user,
    api_app_id: parts.apiAppId,
    token: parts.verificationToken,
    container: parts.container,
    trigger_id: parts.triggerId,
    team: parts.team,
    enterprise: null,
    is_enterprise_install: false,
    ...(parts.channel === undefined ? {} : { channel: parts.channel }),
    ...(parts.message === undefined ? {} : { message: parts.message }),
    ...(parts.view === undefined ? {} : { view: parts.view }),
    state: { values: {} },
    ...(parts.responseUrl === undefined ? {} : { response_url: parts.responseUrl }),
    actions: [parts.action],
  };
}
