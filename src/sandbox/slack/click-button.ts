import type { DeliveryOptions, DeliveryResult } from './deliver-to-app.ts';
import { findActionElement } from './find-action-element.ts';
import { requireUser } from './require-user.ts';
import { sendSigned } from './send-signed.ts';
import type { StandInContext } from './stand-in-context.ts';
import { toApiMessage } from './to-api-message.ts';
import { toApiView } from './to-api-view.ts';
import { toBlockActionsPayload } from './to-block-actions-payload.ts';
import { toPayloadUser } from './to-payload-user.ts';
import type { JsonObject } from './types.ts';

/** Where the button is: a channel message (or an ephemeral one), or a view (modal / Home tab). */
export type ClickTarget =
  | {
      readonly channel: string;
      readonly messageTs: string;
      readonly ephemeral?: boolean;
      /**
       * The version a stale client still shows (index into the message's history, 0 = as first posted):
       * the button is looked up there, so a click on a since-updated card can be replayed.
       */
      readonly staleVersion?: number;
    }
  | { readonly viewId: string };

/** A click: who, which button; `value` overrides the button's own value (a forged or stale client). */
export type ClickButtonOptions = DeliveryOptions &
  ClickTarget & {
    readonly user: string;
    readonly actionId: string;
    readonly blockId?: string;
    readonly value?: string;
  };

/** The bot's answer plus what was sent: the payload, its fresh `trigger_id` and `response_url`. */
export interface ClickResult extends DeliveryResult {
  readonly payload: JsonObject;
  readonly triggerId: string;
  readonly responseUrl: string | undefined;
}

interface Located {
  readonly blocks: unknown;
  readonly container: JsonObject;
  readonly channel?: JsonObject;
  readonly message?: JsonObject;
  readonly view?: JsonObject;
  readonly responseTarget?: { channel: string; messageTs: string; ephemeral: boolean };
}

function locate(context: StandInContext, options: ClickButtonOptions): Located {
  const { workspace } = context;
  if ('viewId' in options) {
    const stored = workspace.views.get(options.viewId);
    if (stored === undefined) throw new Error(`slack stand-in: no view ${options.viewId}`);
    const view = toApiView(stored, workspace);
    return { blocks: stored.view.blocks, container: { type: 'view', view_id: stored.id }, view };
  }
  const channel = workspace.channels.get(options.channel);
  const ephemeral = options.ephemeral === true;
  const found = ephemeral
    ? workspace.ephemerals.find((item) => item.messageTs === options.messageTs && item.user === options.user)
    : workspace.findMessage(options.channel, options.messageTs);
  if (channel === undefined || found === undefined || found.deleted) {
    throw new Error(`slack stand-in: no message ${options.messageTs} in ${options.channel} for ${options.user}`);
  }
  const shown = options.staleVersion === undefined ? found : found.history[options.staleVersion];
  if (shown === undefined)
    throw new Error(`slack stand-in: message ${options.messageTs} has no version ${options.staleVersion}`);
  return {
    blocks: shown.blocks,
    container: {
      type: 'message',
      message_ts: options.messageTs,
      channel_id: channel.id,
      is_ephemeral: ephemeral,
      ...(found.threadTs === undefined ? {} : { thread_ts: found.threadTs }),
    },
    channel: { id: channel.id, name: channel.name },
    ...('ts' in found ? { message: toApiMessage(found, workspace) } : {}),
    responseTarget: { channel: channel.id, messageTs: options.messageTs, ephemeral },
  };
}

/**
 * Clicks a button the way Slack reports it: a signed `block_actions` payload, form-encoded as
 * `payload=<json>`, with a fresh `trigger_id` (usable once with `views.open` within 3 s) and, for
 * messages, a `response_url` back to the stand-in. Throws if the button is not on the message:
 * Slack cannot deliver a click on a button nobody sees.
 */
export async function clickButton(context: StandInContext, options: ClickButtonOptions): Promise<ClickResult> {
  const { workspace } = context;
  const user = requireUser(context, options.user);
  const located = locate(context, options);
  const found = findActionElement(located.blocks, options.actionId, options.blockId);
  if (found === undefined) throw new Error(`slack stand-in: no element with action_id ${options.actionId} there`);
  const value = options.value ?? found.element.value;
  const action: JsonObject = {
    action_id: options.actionId,
    block_id: found.blockId,
    ...(found.element.text === undefined ? {} : { text: found.element.text }),
    ...(value === undefined ? {} : { value }),
    type: found.element.type,
    ...(found.element.style === undefined ? {} : { style: found.element.style }),
    action_ts: (context.clock() / 1000).toFixed(6),
  };
  const triggerId = context.triggers.issue(user.id);
  const { responseTarget } = located;
  const responseUrl =
    responseTarget === undefined
      ? undefined
      : context.responseUrls.issue(context.baseUrl, workspace.team.id, {
          kind: 'actions',
          user: user.id,
          ...responseTarget,
        });
  const payload = toBlockActionsPayload({
    user: toPayloadUser(user, workspace.team),
    team: { id: workspace.team.id, domain: workspace.team.domain },
    apiAppId: workspace.bot.appId,
    verificationToken: context.verificationToken,
    triggerId,
    container: located.container,
    action,
    ...(located.channel === undefined ? {} : { channel: located.channel }),
    ...(located.message === undefined ? {} : { message: located.message }),
    ...(located.view === undefined ? {} : { view: located.view }),
    ...(responseUrl === undefined ? {} : { responseUrl }),
  });
  const rawBody = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const result = await sendSigned(context, options, rawBody, 'application/x-www-form-urlencoded');
  return { ...result, payload, triggerId, responseUrl };
}
