import { type SlackMessage, section } from './blocks.ts';
import { COMMAND_BLOCK_ID } from './command-ids.ts';

/** The usage text of `/shiplock`, one subcommand a line. */
export const USAGE_LINES: readonly string[] = [
  '`/shiplock status [owner/repo#N | rollout-id]`: where a rollout stands (no argument: yours and this channel’s)',
  '`/shiplock list`: every active rollout',
  '`/shiplock why &lt;owner/repo#N | rollout-id&gt;`: every condition production still waits for, and who can meet it',
  '`/shiplock cancel &lt;owner/repo#N | rollout-id&gt;`: stop a rollout before production (named approvers and the author)',
  '`/shiplock freeze on [owner/repo] [reason]` / `/shiplock freeze off [owner/repo]`: hold every production deploy of the repository (named approvers; without a repository, the one whose deploy channel you are in)',
  '`/shiplock risk`: delegation-risk budgets, estimates, trust chains and incidents',
  '`/shiplock risk ack &lt;reason&gt;`: lift the autonomy step-down after a budget went over (authorized people)',
  '`/shiplock incident &lt;component&gt;[.mode] &lt;damage $&gt; &lt;what happened&gt;`: record an incident against a component (authorized people)',
  '`/shiplock help`: this text',
];

/** `/shiplock help`: what each subcommand does. Only the user who asked sees it. */
export function renderHelp(): SlackMessage {
  const text = `*shiplock* gates every pull request on deterministic checks, named approvals and a time lock.\n${USAGE_LINES.join('\n')}`;
  return { text, blocks: [section(COMMAND_BLOCK_ID.usage, text)] };
}

/**
 * The usage text after input we did not understand. `lead` is one sentence of our own saying what
 * was wrong; the input itself is never echoed back.
 */
export function renderUsage(lead: string): SlackMessage {
  const text = `${lead}\n${USAGE_LINES.join('\n')}`;
  return { text, blocks: [section(COMMAND_BLOCK_ID.usage, text)] };
}
