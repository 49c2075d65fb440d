/**
 * True for prose files (Markdown, reStructuredText, AsciiDoc, plain text). Code rules skip them,
 * since documentation quotes dangerous code in order to warn against it; secret rules still run.
 */
export function isDocPath(path: string): boolean {
  return /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt)$/i.test(path);
}
