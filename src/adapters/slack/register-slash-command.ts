import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Event } from '../../core/types.ts';
import { renderNotice } from '../../render/render-notice.ts';
import type { Clock } from '../../shell/ports.ts';
import { type AfterAck, type AnswerReads, answerSlashCommand } from './answer-slash-command.ts';
import type { ReplyRoutes } from './create-reply-routes.ts';
import { parseSlashCommand } from './parse-slash-command.ts';
import { SLASH_COMMAND } from './slack-app-contract.ts';

/** What `/shiplock` is built from: the answer's reads plus where its writes go. */
export interface SlashCommandDeps extends AnswerReads {
  /** The shell's `handle`: decides the event in one transaction. */
  readonly handle: (event: Event) => void;
  readonly clock: Clock;
  readonly logger: Logger;
  /** So the core's answer to `cancel` reaches the channel the command was typed in. */
  readonly replyRoutes: ReplyRoutes;
}

const UNAVAILABLE = 'shiplock could not read its state just now; nothing changed. Try again in a moment.';
const NOT_RECORDED = 'shiplock could not record that just now; nothing changed. Try again in a moment.';

/**
 * `/shiplock`. The answer is computed from SQLite reads only (milliseconds) and sent in the ack
 * itself, ephemeral, well inside Slack's 3 s (https://docs.slack.dev/tools/bolt-js/concepts/acknowledge);
 * writes (the cancel event, the freeze) happen after the ack. The actor is only the verified
 * payload's `user_id`.
 */
export function registerSlashCommand(app: App, deps: SlashCommandDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const asker = { user: command.user_id, channel: command.channel_id, at: deps.clock.now() };
    let after: readonly AfterAck[] = [];
    let message = renderNotice(UNAVAILABLE);
    try {
      const answer = answerSlashCommand(parseSlashCommand(command.text), asker, deps);
      message = answer.message;
      after = answer.after;
    } catch (error) {
      deps.logger.error({ err: error }, 'slash command not answered');
    }
    await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    try {
      for (const step of after) perform(step, asker, deps);
    } catch (error) {
      deps.logger.error({ err: error }, 'slash command not recorded');
      await respond({ response_type: 'ephemeral', replace_original: false, text: NOT_RECORDED });
    }
  });
}

function perform(step: AfterAck, asker: { user: string; channel: string; at: number }, deps: SlashCommandDeps): void {
  switch (step.kind) {
    case 'event':
      if (step.replyTo !== undefined) deps.replyRoutes.remember(asker.user, step.replyTo.rolloutId, asker.channel);
      return deps.handle(step.event);
    case 'freeze_set': {
      const freeze = { reason: step.reason, by: asker.user, at: asker.at };
      deps.freezes.set(step.repo, freeze);
      return deps.handle({ type: 'FreezeChanged', at: asker.at, repo: step.repo, freeze });
    }
    case 'freeze_clear':
      deps.freezes.clear(step.repo);
      return deps.handle({ type: 'FreezeChanged', at: asker.at, repo: step.repo, freeze: null });
    case 'risk_incident':
      deps.risk?.recordIncident(step.incident);
      return;
    case 'risk_ack':
      deps.risk?.acknowledge(asker.user, step.reason, asker.at);
      return;
  }
}
