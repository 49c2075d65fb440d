const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Reads one path from a git diff header line, starting at `from`: either a C-quoted string (git
 * quotes names with special or non-ASCII bytes, escaping them as `\t`, `\"`, `\\` and octal UTF-8
 * bytes such as `\303\251`) or the bare rest of the line. Returns the decoded path and where it
 * ended, or `undefined` when the quoting is broken. Never throws.
 * @see https://git-scm.com/docs/git-config#Documentation/git-config.txt-corequotePath
 */
export function parseDiffPath(line: string, from = 0): { path: string; end: number } | undefined {
  if (line[from] !== '"') return { path: line.slice(from), end: line.length };
  const bytes: number[] = [];
  let i = from + 1;
  while (i < line.length) {
    const c = String.fromCodePoint(line.codePointAt(i) ?? 0xfffd);
    if (c === '"') return { path: new TextDecoder().decode(Uint8Array.from(bytes)), end: i + 1 };
    if (c !== '\\') {
      bytes.push(...new TextEncoder().encode(c));
      i += c.length;
      continue;
    }
    const next = line[i + 1] ?? '';
    const octal = /^[0-3][0-7]{2}/.exec(line.slice(i + 1, i + 4));
    if (octal !== null) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 4;
    } else if (ESCAPES[next] !== undefined) {
      bytes.push(ESCAPES[next]);
      i += 2;
    } else return undefined;
  }
  return undefined;
}
