import type { SlackMessage } from './blocks.ts';
import { validateMessage } from './validate-blocks.ts';

/** Text budgets tried by {@link fitMessage}, largest first; the last one always fits. */
export const FIT_SCALES: readonly number[] = [1, 0.5, 0.25, 0.1, 0];

/**
 * Renders at the largest scale whose result passes {@link validateMessage}. Untrusted text can grow
 * five times under escaping and twice again in JSON, so a fixed cap either wastes space on normal
 * text or breaks Slack's ~13k limit on hostile text: shrinking keeps both. `render(0)` must hold
 * only our own words, which always fit.
 */
export function fitMessage(render: (scale: number) => SlackMessage): SlackMessage {
  for (const scale of FIT_SCALES) {
    const message = render(scale);
    if (validateMessage(message, 'message').length === 0) return message;
  }
  return render(0);
}
