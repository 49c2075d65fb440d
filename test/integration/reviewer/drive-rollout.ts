/**
 * Drives one rollout through the whole chain with the real core — opened, the advisory review,
 * gates, staging, canary, two approvals, the time lock, preflight, production, verification — and
 * keeps, for every step, the phase, the non-render commands and the state, for differential checks.
 */
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import { decide } from '../../../src/core/decide.ts';
import type { AdvisoryReview, Event, PullRequestState, Rollout } from '../../../src/core/types.ts';
import { RENDER_COMMANDS } from '../../../src/core/types.ts';
import { POLICY, prAt, SHA_A } from '../../support/core-fixtures.ts';
import { T0 } from './reviewer-harness.ts';

/** One decided step. */
export interface DrivenStep {
  readonly event: Event['type'];
  readonly at: number;
  readonly phase: string;
  /** The step's non-render commands, canonical JSON. */
  readonly decisions: string;
  readonly state: PullRequestState;
}

type Draft = (r: Rollout) => { readonly afterMs?: number; readonly event: Record<string, unknown> };

const gate =
  (gateId: string): Draft =>
  (r) => ({
    event: {
      type: 'GateFinished',
      rolloutId: r.id,
      sha: r.pr.sha,
      gateId,
      attempt: r.gates[gateId]?.attempt ?? 1,
      outcome: { status: 'passed', summary: 'ok', durationMs: 5 },
    },
  });
const deployed =
  (stage: 'staging' | 'canary' | 'production'): Draft =>
  (r) => ({
    event: {
      type: 'DeployFinished',
      rolloutId: r.id,
      stage,
      epoch: r.deploys[stage]?.epoch ?? -1,
      ok: true,
      summary: 'ok',
    },
  });
const approve =
  (user: string): Draft =>
  (r) => ({ event: { type: 'ApproveClicked', rolloutId: r.id, user, sha: r.pr.sha } });

/** Every step after the PR is opened; the review arrives first, while gates still run. */
function steps(review: AdvisoryReview): Draft[] {
  return [
    (r) => ({ event: { type: 'AdvisoryReviewFinished', rolloutId: r.id, sha: r.pr.sha, review } }),
    gate('lint'),
    gate('unit'),
    deployed('staging'),
    deployed('canary'),
    (r) => ({
      event: {
        type: 'CanaryJudged',
        rolloutId: r.id,
        sha: r.pr.sha,
        look: r.canary.look,
        verdict: 'healthy',
        summary: '',
      },
    }),
    approve('UBOB'),
    approve('UCAROL'),
    (r) => ({ afterMs: POLICY.timeLockMs, event: { type: 'TimerFired', rolloutId: r.id, kind: 'time_lock' } }),
    (r) => ({
      event: {
        type: 'PreflightCompleted',
        rolloutId: r.id,
        facts: { headSha: r.pr.sha, canary: 'healthy', freeze: null, windowOpen: true, nextWindowAt: null },
      },
    }),
    deployed('production'),
    (r) => ({ event: { type: 'VerificationCompleted', rolloutId: r.id, epoch: r.epoch, ok: true, summary: 'ok' } }),
  ];
}

/** Opens the PR titled `title`, feeds `review`, and runs the chain to the end. */
export function driveRollout(title: string, review: AdvisoryReview): DrivenStep[] {
  const out: DrivenStep[] = [];
  let state: PullRequestState | null = null;
  let at = T0;
  const apply = (event: Event) => {
    const d = decide(state, event, POLICY);
    if (d.state === null) throw new Error(`${event.type} left no state`);
    state = d.state;
    const decisions = canonicalJson(d.commands.filter((c) => !RENDER_COMMANDS.has(c.type)));
    out.push({ event: event.type, at, phase: d.state.rollouts.at(-1)?.phase ?? 'none', decisions, state: d.state });
  };
  apply({ type: 'PullRequestOpened', pr: { ...prAt(SHA_A), title }, rolloutId: 'r1', at });
  for (const draft of steps(review)) {
    const rollout = (state as PullRequestState | null)?.rollouts.at(-1);
    if (rollout === undefined) throw new Error('no rollout to drive');
    const { afterMs = 1_000, event } = draft(rollout);
    at += afterMs;
    apply({ ...event, at } as Event);
  }
  return out;
}
