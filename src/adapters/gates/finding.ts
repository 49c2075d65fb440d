/**
 * One problem a gate found in the PR's code: from SARIF, the security scanner's rules or its
 * narrow model. `message` and `path` come from untrusted input; renderers escape them.
 */
export interface Finding {
  /** The rule that fired, for example `SL-SECRET-AWS` or a SARIF `ruleId`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Repository-relative file path; empty when the finding has no place. */
  readonly path: string;
  /** 1-based line in the new file; 0 when unknown. */
  readonly line: number;
  readonly message: string;
}

/** Ordered from least to most severe. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** Every severity, least severe first (for comparisons and schemas). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly Severity[];

/** True when `severity` is at or above `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}
