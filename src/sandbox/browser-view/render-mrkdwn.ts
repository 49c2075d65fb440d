import { replaceEmoji } from './emoji.ts';
import { decodeSlackEntities, escapeHtml } from './escape-html.ts';
import type { WorkspaceNames } from './workspace-names.ts';

/**
 * One inline construct of Slack mrkdwn (https://docs.slack.dev/messaging/formatting-message-text):
 * inline code, an angle-bracket token (mention, date, link), then bold, italic and strike, which
 * only open and close at word boundaries, as Slack reads them.
 */
const INLINE =
  /(`[^`\n]+`)|(<[^<>\n]+>)|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])|(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])/;

/** Plain text between constructs: Slack's entities undone, emoji shown, then escaped for HTML. */
function leaf(text: string, emoji: boolean): string {
  const decoded = decodeSlackEntities(text);
  return escapeHtml(emoji ? replaceEmoji(decoded) : decoded);
}

/** A `<…>` token: what a Slack client shows for it; never a live link (the page must not navigate). */
function renderToken(body: string, names: WorkspaceNames): string {
  const bar = body.indexOf('|');
  const target = bar < 0 ? body : body.slice(0, bar);
  const label = bar < 0 ? undefined : body.slice(bar + 1);
  if (target.startsWith('@'))
    return `<span class="mention">@${leaf(label ?? names.user(target.slice(1)), false)}</span>`;
  if (target.startsWith('#'))
    return `<span class="mention">#${leaf(label ?? names.channel(target.slice(1)), false)}</span>`;
  if (target.startsWith('!date^')) {
    const [, epoch = '', format = ''] = target.split('^');
    const fallback = leaf(label ?? '', false);
    if (!/^-?\d{1,12}$/.test(epoch)) return fallback;
    return `<time class="slack-date" data-epoch="${epoch}" data-format="${escapeHtml(format)}">${fallback}</time>`;
  }
  if (target.startsWith('!subteam^')) {
    return `<span class="mention">@${leaf(label?.replace(/^@/, '') ?? names.group(target.slice(9)), false)}</span>`;
  }
  if (target.startsWith('!')) return `<span class="mention">@${leaf(label ?? target.slice(1), false)}</span>`;
  const url = decodeSlackEntities(target);
  return `<span class="link" title="${escapeHtml(url)}">${leaf(label ?? target, false)}</span>`;
}

/** Inline mrkdwn of one line to HTML; every piece of text is escaped. */
function renderInline(text: string, names: WorkspaceNames): string {
  const match = INLINE.exec(text);
  if (match === null) return leaf(text, true);
  const [whole, code, token, bold, italic, strike] = match;
  const before = leaf(text.slice(0, match.index), true);
  const rest = renderInline(text.slice(match.index + whole.length), names);
  let html: string;
  if (code !== undefined) html = `<code>${leaf(code.slice(1, -1), false)}</code>`;
  else if (token !== undefined) html = renderToken(token.slice(1, -1), names);
  else if (bold !== undefined) html = `<b>${renderInline(bold, names)}</b>`;
  else if (italic !== undefined) html = `<i>${renderInline(italic, names)}</i>`;
  else html = `<s>${renderInline(strike ?? '', names)}</s>`;
  return `${before}${html}${rest}`;
}

/** Lines of mrkdwn outside code blocks: `&gt; ` starts a quote line, newlines become breaks. */
function renderLines(text: string, names: WorkspaceNames): string {
  return text
    .split('\n')
    .map((line) =>
      line.startsWith('&gt; ') || line === '&gt;'
        ? `<span class="quote">${renderInline(line.slice(5), names)}</span>`
        : renderInline(line, names),
    )
    .join('<br>');
}

/**
 * Slack mrkdwn as safe HTML: bold, italic, strike, code, code blocks, quotes, emoji shortcodes,
 * mentions by name, links as text (their target in a tooltip), date tokens as `<time>` elements the
 * page turns into local times and countdowns. No input can produce markup of its own.
 */
export function renderMrkdwn(text: string, names: WorkspaceNames): string {
  return text
    .split('```')
    .map((part, i) =>
      i % 2 === 1 ? `<pre>${leaf(part.replace(/^\n|\n$/g, ''), false)}</pre>` : renderLines(part, names),
    )
    .join('');
}

/** A `plain_text` object's text: Slack's entities undone, emoji only when the object asks for them. */
export function renderPlainText(text: string, emoji: boolean): string {
  return leaf(text, emoji).replace(/\n/g, '<br>');
}
