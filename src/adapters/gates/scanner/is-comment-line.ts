/**
 * True when the whole line is a comment in the common languages (`//`, `#`, `/*`, `*`, `<!--`).
 * Code rules skip these so a commented-out example does not block; secret rules do not, because
 * a key in a comment is just as leaked.
 */
export function isCommentLine(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('//') || t.startsWith('#') || t.startsWith('/*') || t.startsWith('*') || t.startsWith('<!--');
}
