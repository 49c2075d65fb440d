import type { GateOutcome } from '../../core/types.ts';

/** What one gate run produced: the outcome for the core, and for people the details and the log. */
export interface GateRunResult {
  readonly outcome: GateOutcome;
  /** Plain, untrusted text for the card's thread. */
  readonly details: string;
  readonly logPath: string | null;
}
