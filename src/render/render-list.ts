import type { Rollout } from '../core/types.ts';
import { packSections, type SlackMessage, section } from './blocks.ts';
import { COMMAND_BLOCK_ID } from './command-ids.ts';
import { fitMessage } from './fit-message.ts';
import { phaseLabel } from './phase-label.ts';
import { rolloutLine } from './rollout-line.ts';
import { slackDate } from './slack-date.ts';

/** At most this many rollouts are listed in one answer. */
export const LIST_MAX = 40;

/** `/shiplock list`: every active rollout, one line each: repo#N, short SHA, phase, since when. */
export function renderList(rollouts: readonly Rollout[]): SlackMessage {
  if (rollouts.length === 0) {
    const text = 'No active rollouts right now.';
    return { text, blocks: [section(COMMAND_BLOCK_ID.notice, text)] };
  }
  return fitMessage((scale) => {
    const shown = rollouts.slice(0, LIST_MAX);
    const lines = shown.map(
      (r) => `${rolloutLine(r, Math.floor(60 * scale))} · ${phaseLabel(r.phase)} since ${slackDate(r.phaseSince)}`,
    );
    const more = rollouts.length - shown.length;
    if (more > 0) lines.push(`…and ${more} more.`);
    const text = `${rollouts.length} active rollout${rollouts.length === 1 ? '' : 's'}`;
    return {
      text,
      blocks: [section(`${COMMAND_BLOCK_ID.list}.title`, `*${text}*`), ...packSections(COMMAND_BLOCK_ID.list, lines)],
    };
  });
}
