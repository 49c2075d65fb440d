import type { ReviewOutput } from './review-output.ts';

/**
 * The review's comments as plain text, one per line: `[high] src/a.ts:12 — body`. The renderer
 * shows it as the review's full text (and escapes it: it is still model output).
 */
export function toReviewText(comments: ReviewOutput['comments']): string {
  if (comments.length === 0) return 'No line comments.';
  return comments
    .map(({ path, line, severity, body }) => {
      const where = path === '' ? '' : `${path}${line > 0 ? `:${line}` : ''} `;
      return `[${severity}] ${where}— ${body.replace(/\s+/g, ' ').trim()}`;
    })
    .join('\n');
}
