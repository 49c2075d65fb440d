import type { AdvisoryReview } from '../core/types.ts';

/** What the advisory reviewer said, read defensively; `null` parts were missing or malformed. */
export interface AdvisoryText {
  readonly summary: string | null;
  readonly fullText: string | null;
}

/** The words shown whenever there is no usable review (DESIGN.md: the reviewer is optional). */
export const ADVISORY_UNAVAILABLE = 'advisory review unavailable';
/** Shown next to every advisory text: the reviewer can neither block nor approve (invariant I3). */
export const ADVISORY_LABEL = 'advisory — cannot block or approve';

const MAX_FINDINGS = 50;
const NOTHING: AdvisoryText = { summary: null, fullText: null };

/**
 * Reads the reviewer's `payload`, which is model output: hostile, of unknown shape, maybe not even
 * an object. Only own string properties are read — `summary`, then `text` for the full review, or
 * else up to 50 `findings` of `{ message, file?, line?, severity? }` — and anything else is ignored.
 * Never throws (a getter that throws reads as no review).
 */
export function toAdvisoryText(review: AdvisoryReview | null): AdvisoryText {
  if (review === null) return NOTHING;
  try {
    const payload = review.payload;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return NOTHING;
    const summary = ownString(payload, 'summary');
    const fullText = ownString(payload, 'text') ?? findingsText(payload);
    return { summary, fullText };
  } catch {
    return NOTHING;
  }
}

function ownString(value: object, key: string): string | null {
  if (!Object.hasOwn(value, key)) return null;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.trim() !== '' ? field : null;
}

function findingsText(payload: object): string | null {
  if (!Object.hasOwn(payload, 'findings')) return null;
  const findings: unknown = (payload as Record<string, unknown>).findings;
  if (!Array.isArray(findings)) return null;
  const lines: string[] = [];
  for (const finding of findings.slice(0, MAX_FINDINGS)) {
    if (typeof finding !== 'object' || finding === null) continue;
    const message = ownString(finding, 'message');
    if (message === null) continue;
    const severity = ownString(finding, 'severity');
    const file = ownString(finding, 'file');
    const line = Object.hasOwn(finding, 'line') ? (finding as Record<string, unknown>).line : undefined;
    const where = file === null ? '' : `${file}${Number.isInteger(line) ? `:${String(line)}` : ''}: `;
    lines.push(`• ${severity === null ? '' : `[${severity}] `}${where}${message}`);
  }
  return lines.length === 0 ? null : lines.join('\n');
}
