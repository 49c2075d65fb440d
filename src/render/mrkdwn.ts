import type { PlainTextElement } from '@slack/types';

/**
 * Escaping for untrusted text: PR titles, logins, branch names, gate and deploy summaries, model
 * output, reject reasons. Everything a stranger can type goes through here before it reaches Slack.
 *
 * Three layers, each enough on its own for the threat it names:
 *
 * 1. `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`: Slack's only control characters in mrkdwn, so no
 *    `<!channel>`, `<@U…>`, `<!subteam^…>`, `<#C…>` or `<http://…|x>` can ever be formed
 *    (https://api.slack.com/reference/surfaces/formatting#escaping). Pre-escaped input such as
 *    `&lt;!here&gt;` is escaped again and shows literally.
 * 2. Bare `@here`, `@channel`, `@everyone` and `@name` are parsed by Slack when a message is posted
 *    with `link_names` or as a non-verbatim mrkdwn object: a WORD JOINER (U+2060) after every `@`
 *    that starts a word breaks the token without changing what readers see.
 * 3. Bare URLs and domains (`https://evil.example/x`, `evil.example`) are auto-linked, and Slack
 *    unfurls links by fetching them (a leak path for model output). A ZERO WIDTH SPACE (U+200B) goes
 *    after the scheme's colon and after every dot that is followed by more text, so no scheme and no
 *    `label.tld` survives as a token. We chose this over wrapping in inline code because it works the
 *    same in `plain_text` objects (which have no code spans), because mrkdwn has no way to escape a
 *    backtick (a hostile backtick would close our code span) and because it is invisible to readers.
 *    Every mrkdwn object we emit also sets `verbatim: true`, which tells Slack not to auto-link or
 *    auto-parse mentions at all (https://docs.slack.dev/reference/block-kit/composition-objects/text-object);
 *    the zero-width characters keep the fallback `text`, notifications and plain_text safe too.
 *
 * Before that, characters that can only hurt are dropped: C0/C1 controls (except tab and newline),
 * bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069: "trojan source" reordering of our own
 * text next to theirs), and lone surrogates become U+FFFD so the JSON stays well formed.
 */
export function escapeMrkdwn(text: string): string {
  return defuse(sanitize(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** The word joiner put after `@`, and the zero-width space put after `.` and `:` of a scheme. */
export const WORD_JOINER = '\u2060';
/** See {@link WORD_JOINER}. */
export const ZERO_WIDTH_SPACE = '\u200B';
/** What a truncated text ends with. */
export const ELLIPSIS = '…';

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters we remove.
const DROPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** Removes controls, bidi overrides and lone surrogates; line and paragraph separators become newlines. */
function sanitize(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_SEPARATORS, '\n').replace(DROPPED, '');
}

/** Layers 2 and 3 above. `＠` and the ideographic and full-width dots are read like `@` and `.` by IDNA and linkifiers. */
function defuse(text: string): string {
  return text
    .replace(/[@\uFF20](?=\S)/g, `$&${WORD_JOINER}`)
    .replace(/[.\u3002\uFF0E\uFF61](?=\S)/g, `$&${ZERO_WIDTH_SPACE}`)
    .replace(/:(?=\/)/g, `:${ZERO_WIDTH_SPACE}`);
}

/**
 * Cuts `text` to at most `max` UTF-16 code units (Slack's limits are in characters, so counting code
 * units is conservative), ending with `…` when something was cut. Never splits a surrogate pair or
 * an `&amp;`/`&lt;`/`&gt;` entity, so an escaped string stays escaped.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  return `${cutBefore(text, max - 1)}${ELLIPSIS}`;
}

/** The longest prefix of at most `limit` code units that ends on a character and entity boundary. */
function cutBefore(text: string, limit: number): string {
  let end = Math.max(0, limit);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  // An entity is at most 5 code units (`&amp;`): look back that far for an unterminated `&`.
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= 0 && end - amp < 5) {
    const semicolon = text.indexOf(';', amp);
    if (semicolon < 0 || semicolon >= end) end = amp;
  }
  return text.slice(0, end);
}

/**
 * Escapes untrusted `text` for mrkdwn and truncates it to `max` code units. Long input is cut before
 * escaping, so a 100k-character string costs no more than a short one.
 */
export function safeMrkdwn(text: string, max: number): string {
  if (text.length <= max) return truncate(escapeMrkdwn(text), max);
  const escaped = escapeMrkdwn(cutBefore(text, max));
  return `${cutBefore(escaped, max - 1)}${ELLIPSIS}`;
}

/**
 * A `plain_text` object (`emoji: false`, so `:shortcodes:` in untrusted text stay literal) holding
 * `text` cut to `max`. Slack does not parse plain_text for mentions or links, but readers copy it
 * and clients differ: the same controls are dropped, `@` and URLs defused, and `<`/`>` become the
 * look-alikes `‹`/`›` (entities would show literally in some plain_text surfaces). Line breaks
 * become spaces. Empty text becomes `—`: Slack rejects empty text objects.
 */
export function plainText(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: plainString(text, max), emoji: false };
}

/** The string {@link plainText} puts in its object. */
export function plainString(text: string, max: number): string {
  const source = text.length > max ? cutBefore(text, max) : text;
  const cleaned = defuse(sanitize(source).replace(/\s+/g, ' ').replace(/</g, '\u2039').replace(/>/g, '\u203A')).trim();
  const body = cleaned === '' ? '—' : cleaned;
  return source === text ? truncate(body, max) : `${cutBefore(body, max - 1)}${ELLIPSIS}`;
}

/**
 * Truncates mrkdwn that we assembled ourselves (escaped text plus our own `<!date…>` and `<@U…>`
 * tokens): like {@link truncate}, and a token cut in half is dropped whole rather than left open.
 * A last resort; budgets keep our sections under their limits in the first place.
 */
export function truncateMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  const cut = cutBefore(text, max - 1);
  const open = cut.lastIndexOf('<');
  return `${open > cut.lastIndexOf('>') ? cut.slice(0, open) : cut}${ELLIPSIS}`;
}

/**
 * Splits escaped mrkdwn into pieces of at most `size` code units, preferring line breaks and never
 * cutting a surrogate pair or an entity, for long texts spread over several sections.
 */
export function splitMrkdwn(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size && size > 0) {
    let piece = cutBefore(rest, size);
    const newline = piece.lastIndexOf('\n');
    if (newline > size / 2) piece = piece.slice(0, newline + 1);
    if (piece === '') piece = rest.slice(0, size);
    pieces.push(piece);
    rest = rest.slice(piece.length);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}
