/** One line a unified diff adds, with its file and its line number in the new file. */
export interface AddedLine {
  readonly path: string;
  readonly line: number;
  readonly text: string;
}

/**
 * The added lines of every unified diff found in `text` (`+++ b/<path>`, `@@ -a,b +c,d @@`, `+…`).
 * Tolerant: prose around the diff is skipped, so the stand-in's "model" can read it out of a prompt.
 */
export function parseDiffLines(text: string): AddedLine[] {
  const out: AddedLine[] = [];
  let path: string | null = null;
  let next = 0;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('+++ ')) {
      path = raw.slice(4).replace(/^b\//, '').trim();
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk !== null) {
      next = Number(hunk[1]);
      continue;
    }
    if (path === null || next === 0) continue;
    if (raw.startsWith('+')) {
      out.push({ path, line: next, text: raw.slice(1) });
      next += 1;
    } else if (raw.startsWith(' ')) {
      next += 1;
    }
  }
  return out;
}
