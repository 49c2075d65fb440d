import { readString } from './read-arg.ts';
import { failure, type StandInContext } from './stand-in-context.ts';
import type { JsonObject, WorkspaceChannel } from './types.ts';

/** The channel named by `args[name]`, or the error Slack answers. */
export type ChannelLookup =
  | { readonly ok: true; readonly channel: WorkspaceChannel }
  | { readonly ok: false; readonly response: JsonObject };

/**
 * Resolves a `channel` argument the way posting methods do: unknown, or private without the bot →
 * `channel_not_found` (Slack does not reveal private channels); archived → `is_archived`; public
 * without the bot → `not_in_channel` (posting there needs `chat:write.public`, which shiplock avoids).
 */
export function resolveChannel(
  args: Readonly<JsonObject>,
  context: StandInContext,
  purpose: 'post' | 'read',
  name = 'channel',
): ChannelLookup {
  const ref = readString(args, name);
  const channel = ref === undefined || ref === '' ? undefined : context.workspace.findChannel(ref);
  if (channel === undefined || (channel.isPrivate && !channel.botIsMember)) {
    return { ok: false, response: failure('channel_not_found') };
  }
  if (purpose === 'post' && channel.isArchived) return { ok: false, response: failure('is_archived') };
  if (purpose === 'post' && !channel.botIsMember) return { ok: false, response: failure('not_in_channel') };
  return { ok: true, channel };
}
