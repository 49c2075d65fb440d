import { z } from 'zod';
import type { SlackStandIn } from '../slack/index.ts';

const id = z.string().min(1).max(200);

/** What the page may ask for: a click on a message (or ephemeral) or a modal, a submit, a close. */
const Interaction = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('click'),
    user: id,
    actionId: id,
    blockId: z.string().max(255).optional(),
    channel: id.optional(),
    messageTs: id.optional(),
    ephemeral: z.boolean().optional(),
    viewId: id.optional(),
  }),
  z.object({
    kind: z.literal('submit'),
    user: id,
    viewId: id,
    values: z.record(z.string(), z.record(z.string(), z.string().max(3000))),
  }),
  z.object({ kind: z.literal('close'), user: id, viewId: id }),
]);

/** What the page is told: the bot's HTTP status and, for a submit, the modal's fate and its errors. */
export interface InteractionAnswer {
  readonly status: number;
  readonly outcome?: string;
  readonly errors?: unknown;
}

/**
 * Performs what the page asked through the stand-in's own delivery path (`clickButton`, `submitView`,
 * `closeView`): signed exactly as Slack signs, sent to `appUrl` (undefined: the stand-in's). Throws on
 * a malformed request or one the stand-in refuses (no such button, modal or user).
 */
export async function performInteraction(
  slack: SlackStandIn,
  body: unknown,
  appUrl: string | undefined,
): Promise<InteractionAnswer> {
  const request = Interaction.parse(body);
  const url = appUrl === undefined ? {} : { url: appUrl };
  switch (request.kind) {
    case 'click': {
      const target =
        request.viewId !== undefined
          ? { viewId: request.viewId }
          : {
              channel: request.channel ?? '',
              messageTs: request.messageTs ?? '',
              ephemeral: request.ephemeral === true,
            };
      const result = await slack.clickButton({
        ...url,
        ...target,
        user: request.user,
        actionId: request.actionId,
        ...(request.blockId === undefined || request.blockId === '' ? {} : { blockId: request.blockId }),
      });
      return { status: result.status };
    }
    case 'submit': {
      const result = await slack.submitView({
        ...url,
        user: request.user,
        viewId: request.viewId,
        values: request.values,
      });
      return { status: result.status, outcome: result.outcome, errors: result.errors };
    }
    case 'close': {
      const result = await slack.closeView({ ...url, user: request.user, viewId: request.viewId });
      return { status: result?.status ?? 200 };
    }
  }
}
