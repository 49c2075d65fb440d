import { type SlackMessage, section } from './blocks.ts';
import { COMMAND_BLOCK_ID } from './command-ids.ts';
import { truncateMarkup } from './mrkdwn.ts';
import { SLACK_LIMITS } from './validate-blocks.ts';

/**
 * A one-section answer to a `/shiplock` command. `text` is mrkdwn we assembled: our own words plus
 * parts already escaped by the caller (`safeMrkdwn`) and our own mentions.
 */
export function renderNotice(text: string): SlackMessage {
  const body = truncateMarkup(text, SLACK_LIMITS.sectionText);
  return { text: body, blocks: [section(COMMAND_BLOCK_ID.notice, body)] };
}
