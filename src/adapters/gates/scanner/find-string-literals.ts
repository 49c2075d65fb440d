/** One quoted string on a line. */
export interface StringLiteral {
  readonly quote: '"' | "'" | '`';
  /** Index of the opening quote. */
  readonly start: number;
  /** Index of the closing quote, or the line's length when the string runs on. */
  readonly end: number;
  readonly body: string;
}

const QUOTES = new Set(['"', "'", '`']);

/**
 * The string literals of one line, left to right, in one linear pass (backslash escapes honoured,
 * at most `max` of them). A heuristic: it does not know the language, so an apostrophe in a
 * comment can pair wrongly; callers only use it to recognise shapes, never to prove safety.
 */
export function findStringLiterals(line: string, max = 50): StringLiteral[] {
  const out: StringLiteral[] = [];
  let i = 0;
  while (i < line.length && out.length < max) {
    const quote = line[i];
    if (quote === undefined || !QUOTES.has(quote)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < line.length && line[j] !== quote) j += line[j] === '\\' ? 2 : 1;
    const end = Math.min(j, line.length);
    out.push({ quote: quote as StringLiteral['quote'], start: i, end, body: line.slice(i + 1, end) });
    i = end + 1;
  }
  return out;
}
