import { parseXmlEntities } from './parse-xml-entities.ts';

/** One piece of an XML document, in document order. */
export type XmlToken =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attrs: ReadonlyMap<string, string>;
      readonly selfClosing: boolean;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string };

/** Most attributes read on one element; a test report never needs more. */
const MAX_ATTRS = 64;
const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]{0,199}$/;

/**
 * A small, safe XML tokenizer for untrusted reports: comments, processing instructions and the
 * XML declaration are skipped, CDATA becomes text, entities are decoded. Any `<!DOCTYPE` (or other
 * `<!` declaration) is refused, because entity definitions are how "billion laughs" attacks work.
 * Ends with at most one `error` token. Linear in the input: every scan moves forward with
 * `indexOf`, never a backtracking regex.
 */
export function* parseXmlTokens(text: string): Generator<XmlToken> {
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      yield { kind: 'text', text: parseXmlEntities(text.slice(i)) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: parseXmlEntities(text.slice(i, lt)) };
    const step = readMarkup(text, lt);
    if ('error' in step) {
      yield { kind: 'error', error: step.error };
      return;
    }
    if (step.token !== undefined) yield step.token;
    i = step.next;
  }
}

type Step = { readonly token: XmlToken | undefined; readonly next: number } | { readonly error: string };

function readMarkup(text: string, lt: number): Step {
  if (text.startsWith('<!--', lt)) return skipTo(text, lt + 4, '-->', 'comment');
  if (text.startsWith('<![CDATA[', lt)) {
    const end = text.indexOf(']]>', lt + 9);
    if (end === -1) return { error: 'unterminated CDATA section' };
    return { token: { kind: 'text', text: text.slice(lt + 9, end) }, next: end + 3 };
  }
  if (text.startsWith('<!', lt)) {
    const what = text.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE' ? '<!DOCTYPE' : 'a <! declaration';
    return { error: `${what} is not allowed (entity expansion is refused)` };
  }
  if (text.startsWith('<?', lt)) return skipTo(text, lt + 2, '?>', 'processing instruction');
  if (text.startsWith('</', lt)) {
    const end = text.indexOf('>', lt + 2);
    if (end === -1) return { error: 'unterminated end tag' };
    const name = text.slice(lt + 2, end).trim();
    if (!NAME.test(name)) return { error: `bad end tag name at offset ${lt}` };
    return { token: { kind: 'close', name }, next: end + 1 };
  }
  return readStartTag(text, lt);
}

function skipTo(text: string, from: number, end: string, what: string): Step {
  const at = text.indexOf(end, from);
  return at === -1 ? { error: `unterminated ${what}` } : { token: undefined, next: at + end.length };
}

function readStartTag(text: string, lt: number): Step {
  let j = lt + 1;
  const nameStart = j;
  while (j < text.length && !isSpace(text.charCodeAt(j)) && text[j] !== '/' && text[j] !== '>') j += 1;
  const name = text.slice(nameStart, j);
  if (!NAME.test(name)) return { error: `bad element name at offset ${lt}` };
  const attrs = new Map<string, string>();
  for (;;) {
    while (j < text.length && isSpace(text.charCodeAt(j))) j += 1;
    if (j >= text.length) return { error: `unterminated start tag <${name}>` };
    if (text[j] === '>') return { token: { kind: 'open', name, attrs, selfClosing: false }, next: j + 1 };
    if (text.startsWith('/>', j)) return { token: { kind: 'open', name, attrs, selfClosing: true }, next: j + 2 };
    const attr = readAttribute(text, j);
    if ('error' in attr) return { error: `${attr.error} in <${name}>` };
    if (attrs.size < MAX_ATTRS) attrs.set(attr.name, attr.value);
    j = attr.next;
  }
}

type Attribute = { readonly name: string; readonly value: string; readonly next: number } | { readonly error: string };

function readAttribute(text: string, from: number): Attribute {
  let j = from;
  while (j < text.length && !isSpace(text.charCodeAt(j)) && !'=/>'.includes(text[j] as string)) j += 1;
  const name = text.slice(from, j);
  if (!NAME.test(name)) return { error: 'bad attribute name' };
  while (j < text.length && isSpace(text.charCodeAt(j))) j += 1;
  if (text[j] !== '=') return { error: `attribute ${name} has no value` };
  j += 1;
  while (j < text.length && isSpace(text.charCodeAt(j))) j += 1;
  const quote = text[j];
  if (quote !== '"' && quote !== "'") return { error: `attribute ${name} is not quoted` };
  const end = text.indexOf(quote, j + 1);
  if (end === -1) return { error: `attribute ${name} is not closed` };
  return { name, value: parseXmlEntities(text.slice(j + 1, end)), next: end + 1 };
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
