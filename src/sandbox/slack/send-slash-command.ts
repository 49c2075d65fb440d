import { applyResponse } from './apply-response.ts';
import type { DeliveryOptions, DeliveryResult } from './deliver-to-app.ts';
import { requireUser } from './require-user.ts';
import { sendSigned } from './send-signed.ts';
import type { StandInContext } from './stand-in-context.ts';
import type { JsonObject } from './types.ts';

/** A slash command typed by `user` in `channel`. */
export interface SlashCommandOptions extends DeliveryOptions {
  readonly user: string;
  readonly channel: string;
  readonly text: string;
  /** Default `/shiplock`. */
  readonly command?: string;
}

/** The bot's answer, the form fields sent, and what Slack made of an immediate (HTTP body) reply. */
export interface SlashCommandResult extends DeliveryResult {
  readonly fields: Readonly<Record<string, string>>;
  readonly triggerId: string;
  readonly responseUrl: string;
  /** The immediate reply applied like a `response_url` message (ephemeral unless `in_channel`). */
  readonly reply: JsonObject | undefined;
}

function immediateReply(result: DeliveryResult): JsonObject | undefined {
  if (result.status !== 200 || result.body.length === 0) return undefined;
  if (typeof result.json === 'object' && result.json !== null) return result.json as JsonObject;
  return { text: result.body };
}

/**
 * Types a slash command: a signed `application/x-www-form-urlencoded` body with Slack's fields in
 * Slack's order (fixture `slash_command.form.txt`), a fresh `trigger_id` and a `response_url` back to
 * the stand-in. A non-empty HTTP answer is shown to the user the way Slack shows it.
 */
export async function sendSlashCommand(
  context: StandInContext,
  options: SlashCommandOptions,
): Promise<SlashCommandResult> {
  const { workspace } = context;
  const user = requireUser(context, options.user);
  const channel = workspace.findChannel(options.channel);
  if (channel === undefined) throw new Error(`slack stand-in: no channel ${options.channel}`);
  const triggerId = context.triggers.issue(user.id);
  const target = { kind: 'commands' as const, channel: channel.id, user: user.id };
  const responseUrl = context.responseUrls.issue(context.baseUrl, workspace.team.id, target);
  const fields: Record<string, string> = {
    token: context.verificationToken,
    team_id: workspace.team.id,
    team_domain: workspace.team.domain,
    channel_id: channel.id,
    channel_name: channel.isIm ? 'directmessage' : channel.name,
    user_id: user.id,
    user_name: user.name,
    command: options.command ?? '/shiplock',
    text: options.text,
    api_app_id: workspace.bot.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
  const result = await sendSigned(
    context,
    options,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
  );
  const immediate = immediateReply(result);
  const reply = immediate === undefined ? undefined : applyResponse(context, target, immediate, 'command_response');
  return { ...result, fields, triggerId, responseUrl, reply };
}
