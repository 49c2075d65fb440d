import type { ContextBlock, DividerBlock, HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { plainText, truncateMarkup } from './mrkdwn.ts';
import { SLACK_LIMITS } from './validate-blocks.ts';

/** What every renderer returns: blocks plus the fallback `text` Slack uses for notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/**
 * A mrkdwn text object. `verbatim: true` stops Slack from auto-linking URLs and auto-parsing
 * mentions in it; our own `<!date…>` and `<@U…>` tokens are still honoured
 * (https://docs.slack.dev/reference/block-kit/composition-objects/text-object). Empty text becomes
 * `—`: Slack rejects empty text objects.
 */
export function mrkdwn(text: string, max: number = SLACK_LIMITS.textObject): MrkdwnElement {
  return { type: 'mrkdwn', text: text === '' ? '—' : truncateMarkup(text, max), verbatim: true };
}

/** A section with mrkdwn `text` (assembled from already escaped parts). */
export function section(blockId: string, text: string): SectionBlock {
  return { type: 'section', block_id: blockId, text: mrkdwn(text, SLACK_LIMITS.sectionText) };
}

/** A header block from untrusted plain text. */
export function header(blockId: string, text: string): HeaderBlock {
  return { type: 'header', block_id: blockId, text: plainText(text, SLACK_LIMITS.headerText) };
}

/** A context block of mrkdwn elements (at most 10 are kept). */
export function context(blockId: string, texts: readonly string[]): ContextBlock {
  const elements = texts.slice(0, SLACK_LIMITS.contextElements).map((t) => mrkdwn(t));
  return { type: 'context', block_id: blockId, elements };
}

/** A divider. */
export function divider(): DividerBlock {
  return { type: 'divider' };
}

/**
 * Packs lines into as few sections as fit Slack's section limit, `blockId.0`, `blockId.1`…
 * A single over-long line is truncated without cutting a token.
 */
export function packSections(blockId: string, lines: readonly string[]): SectionBlock[] {
  const limit = SLACK_LIMITS.sectionText;
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncateMarkup(raw, limit);
    if (current !== '' && current.length + 1 + line.length > limit) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  return chunks.map((text, i) => section(`${blockId}.${i}`, text));
}
