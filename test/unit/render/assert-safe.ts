import { SLACK_DATE_TOKEN } from '../../../src/render/slack-date.ts';
import { type Surface, validateMessage } from '../../../src/render/validate-blocks.ts';

/** Phrases of our own that look like a domain to the URL check below. */
const OWN_DOTTED = ['shiplock.yml'];

/**
 * Everything that makes a rendered payload unsafe to post, as readable strings (empty = safe):
 * a broken Block Kit limit; any `<…>` control sequence other than our date tokens and mentions of
 * `allowedMentions`; a bare `@word`; a scheme `://` or `label.label` that Slack could auto-link;
 * a bidi control; a lone surrogate; a mrkdwn object without `verbatim: true`.
 */
export function unsafeParts(payload: unknown, surface: Surface, allowedMentions: ReadonlySet<string>): string[] {
  const problems = validateMessage(payload, surface).map(
    (v) => `limit ${v.rule} at ${v.path}: ${v.actual} > ${v.limit}`,
  );
  const json = JSON.stringify(payload);
  let residue = json.replace(SLACK_DATE_TOKEN, '');
  residue = residue.replace(/<@([A-Z0-9]+)>/g, (whole, id: string) => (allowedMentions.has(id) ? '' : whole));
  const control = residue.match(/[<>].{0,40}/s);
  if (control) problems.push(`control character: ${control[0]}`);
  const at = residue.match(/[@\uFF20][\p{L}\p{N}_].{0,20}/su);
  if (at) problems.push(`bare mention: ${at[0]}`);
  if (/[\u202A-\u202E\u2066-\u2069]/.test(json)) problems.push('bidi control');
  for (const text of textValues(payload)) {
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
      problems.push('lone surrogate');
    const own = OWN_DOTTED.reduce((t, phrase) => t.split(phrase).join(''), text);
    const scheme = own.match(/[a-z][a-z0-9+.-]*:\/\/.{0,20}/is);
    if (scheme) problems.push(`url scheme: ${scheme[0]}`);
    const domain = own.match(/.{0,20}[\p{L}\p{N}_-][.\u3002\uFF0E\uFF61][\p{L}\p{N}].{0,20}/su);
    if (domain) problems.push(`domain: ${domain[0]}`);
  }
  for (const obj of objects(payload)) {
    if (obj.type === 'mrkdwn' && obj.verbatim !== true) problems.push('mrkdwn without verbatim');
  }
  return problems;
}

/** Every string under a `text` key, plus the message's fallback text. */
function textValues(value: unknown): string[] {
  return objects(value).flatMap((o) => (typeof o.text === 'string' ? [o.text] : []));
}

function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Record<string, unknown>;
  return [obj, ...Object.values(obj).flatMap(objects)];
}
