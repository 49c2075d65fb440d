import type { Severity } from '../finding.ts';

/**
 * One deterministic check the security scanner runs on every line a PR adds. Rules only say
 * "this looks dangerous"; the scanner's verdict can block a rollout, never approve one.
 */
export interface ScanRule {
  /** Stable id shown on cards and used in config, for example `SL-SECRET-AWS`. */
  readonly id: string;
  readonly severity: Severity;
  /** A few words for the card. */
  readonly title: string;
  /** Why it matters and what to do instead, for the Slack thread and docs. */
  readonly description: string;
  /**
   * The finding message when `text` (one added line, or a window of a very long one) matches,
   * else `null`. Messages are built from the rule's own words and redacted prefixes only: they
   * never repeat the line, which may hold a secret.
   */
  readonly test: (text: string, path: string) => string | null;
}
