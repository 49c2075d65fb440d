const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes XML's five predefined entities and numeric character references. Unknown entities stay
 * as written (nothing is ever expanded from a DTD); a reference to an invalid code point becomes
 * U+FFFD. Runs in one linear pass.
 */
export function parseXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let copied = 0;
  let from = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', from)) {
    // The longest reference we accept is &#x10FFFF; (10 characters). Looking only that far keeps
    // the pass linear: an unbounded indexOf(';') per '&' is quadratic on "&&&&…".
    const near = text.slice(amp + 1, amp + 11).indexOf(';');
    const decoded = near === -1 ? undefined : decodeOne(text.slice(amp + 1, amp + 1 + near));
    from = amp + 1;
    if (decoded === undefined) continue;
    out += text.slice(copied, amp) + decoded;
    copied = amp + 2 + near;
    from = copied;
  }
  return out + text.slice(copied);
}

function decodeOne(body: string): string | undefined {
  const named = NAMED[body];
  if (named !== undefined) return named;
  let code: number;
  if (/^#[0-9]{1,7}$/.test(body)) code = Number.parseInt(body.slice(1), 10);
  else if (/^#x[0-9A-Fa-f]{1,6}$/.test(body)) code = Number.parseInt(body.slice(2), 16);
  else return undefined;
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}
