import type { ActivePhase, Phase, TerminalPhase } from './types.ts';

/** The chain's phases, in order. */
const ACTIVE_PHASES: readonly ActivePhase[] = [
  'reviewing',
  'testing',
  'staging',
  'canary',
  'awaiting_approval',
  'time_locked',
  'deploying',
  'verifying',
];

/** The phases a rollout ends in. */
const TERMINAL_PHASES: readonly TerminalPhase[] = [
  'deployed',
  'rejected',
  'cancelled',
  'superseded',
  'rolled_back',
  'failed',
  'expired',
];

/** Every phase, in chain order, then the terminal ones. */
export const ALL_PHASES: readonly Phase[] = [...ACTIVE_PHASES, ...TERMINAL_PHASES];

const TERMINAL: ReadonlySet<Phase> = new Set(TERMINAL_PHASES);
const PRE_PRODUCTION: ReadonlySet<Phase> = new Set(ACTIVE_PHASES.filter((p) => p !== 'deploying' && p !== 'verifying'));

/** True for the phases that absorb every event (invariant I5). */
export function isTerminal(phase: Phase): phase is TerminalPhase {
  return TERMINAL.has(phase);
}

/** True before production starts: the phases where cancel, reject and supersede still work. */
export function isPreProduction(phase: Phase): boolean {
  return PRE_PRODUCTION.has(phase);
}

/** Unreachable by the type system: a new union member that a switch forgot. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
