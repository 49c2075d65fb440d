/** Where an argument list, an assignment's right side or a property value may end. */
const ENDS = new Set([')', ',', ';', '}', ']']);

/**
 * True unless the text after an opening `(` (or `=`) is only string literals: `'ls'`, `"a", "b"`,
 * or a template literal without `${`. With `scope: 'first'` only the first argument counts, so
 * `exec('ls', callback)` and `subprocess.run("make", shell=True)` are literal commands. Anything else (a variable, a concatenation, an f-string with
 * `{`, a call, the rest of the argument on the next line) counts as dynamic, because this is where
 * untrusted input reaches `eval`, a shell or HTML. Linear scan, no regex.
 */
export function isDynamicArgument(rest: string, scope: 'first' | 'all' = 'all'): boolean {
  let s = rest.trimStart();
  if (s === '') return true;
  if (s[0] === ')') return false;
  for (let args = 0; args < 20; args += 1) {
    const literal = literalLength(s);
    if (literal === undefined) return true;
    s = s.slice(literal).trimStart();
    if (s === '') return false;
    if (!ENDS.has(s[0] as string)) return true;
    if (s[0] !== ',' || scope === 'first') return false;
    s = s.slice(1).trimStart();
    if (s === '' || s[0] === ')') return false;
  }
  return true;
}

/** Length of the string literal at the start of `s`, or undefined when there is none. */
function literalLength(s: string): number | undefined {
  const quote = s[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  for (let i = 1; i < s.length; i += 1) {
    const c = s[i];
    if (c === '\\') i += 1;
    else if (quote === '`' && c === '$' && s[i + 1] === '{') return undefined;
    else if (c === quote) return i + 1;
  }
  return undefined;
}
