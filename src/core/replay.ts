import { decide } from './decide.ts';
import type { Event, Policy, PullRequestState } from './types.ts';

/** One stored event with the policy that was in force when it was decided. */
export interface LoggedEvent {
  readonly event: Event;
  readonly policy: Policy;
}

/**
 * Folds `decide` over a pull request's stored events (invariant I6: the result must equal the
 * stored snapshot). Commands are dropped: they were performed when the events were first decided.
 */
export function replay(events: readonly LoggedEvent[]): PullRequestState | null {
  let state: PullRequestState | null = null;
  for (const { event, policy } of events) state = decide(state, event, policy).state;
  return state;
}
