/**
 * Random event sequences for the property and differential tests: a fast-check arbitrary for a
 * world (policy, commit authors, policy reloads) and a list of choices, and a runner that turns each
 * choice into one enabled event, biased toward progress so that deploys actually happen.
 */
import fc from 'fast-check';
import { decide } from '../../../src/core/decide.ts';
import type { Event, Policy, PullRequestInfo, PullRequestState } from '../../../src/core/types.ts';
import {
  type Breadth,
  enabledEvents,
  T0,
  UAUTHOR,
  UBOB,
  UCAROL,
  UDAVE,
  UERIN,
  UMAL,
  WORLD_POLICY,
  worldPr,
} from './domain.ts';

const MINUTE = 60_000;

/** A random world: who is named, who wrote the change, the gates, and an optional reload of approvers. */
export interface World {
  readonly policies: readonly Policy[];
  readonly commitAuthors: readonly string[];
}

const GATES = [
  { id: 'lint', name: 'Static analysis', kind: 'static_analysis', phase: 'reviewing' },
  { id: 'scan', name: 'Security scanner', kind: 'security_scanner', phase: 'reviewing' },
  { id: 'unit', name: 'Unit tests', kind: 'unit_tests', phase: 'testing' },
  { id: 'fuzz', name: 'Fuzz', kind: 'fuzz', phase: 'testing' },
] as const;

const approvalsArb = fc.record({
  required: fc.integer({ min: 0, max: 3 }),
  approvers: fc.subarray([UAUTHOR, UBOB, UCAROL, UDAVE, UERIN]),
  groups: fc.subarray([
    { name: 'sre', members: [UBOB, UCAROL], quorum: 1 },
    { name: 'leads', members: [UBOB, UERIN], quorum: 1 },
    { name: 'security', members: [UERIN, UDAVE, UMAL], quorum: 2 },
  ]),
});

const policyArb = fc
  .record({
    gates: fc.subarray([...GATES]),
    advisoryReview: fc.boolean(),
    approvals: approvalsArb,
    daveMapped: fc.boolean(),
  })
  .map(
    ({ gates, advisoryReview, approvals, daveMapped }): Policy => ({
      ...WORLD_POLICY,
      gates,
      advisoryReview,
      approvals: { ...WORLD_POLICY.approvals, ...approvals },
      people: daveMapped ? [...WORLD_POLICY.people, { slack: UDAVE, github: 'dave' }] : WORLD_POLICY.people,
    }),
  );

/** A world; with `reloads`, a second policy with other approvers (same gates) may come into force. */
export function worldArb(reloads: boolean): fc.Arbitrary<World> {
  return fc
    .record({
      policy: policyArb,
      other: reloads ? fc.option(approvalsArb, { nil: undefined }) : fc.constant(undefined),
      commitAuthors: fc.subarray(['alice', 'Carol', 'erin', 'BOB', 'dave']),
    })
    .map(({ policy, other, commitAuthors }) => ({
      policies: other === undefined ? [policy] : [policy, { ...policy, approvals: { ...policy.approvals, ...other } }],
      commitAuthors,
    }));
}

/** The choices that drive one run: each picks an event (and maybe a clock step and a policy). */
export const choicesArb = fc.array(fc.noBias(fc.nat()), { minLength: 20, maxLength: 150, size: 'max' });

/** One step of a run. */
export interface Step {
  readonly pre: PullRequestState | null;
  readonly event: Event;
  readonly policy: Policy;
  readonly post: PullRequestState | null;
  readonly commands: ReturnType<typeof decide>['commands'];
}

function prFor(world: World): (sha: string) => PullRequestInfo {
  return (sha) => ({ ...worldPr(sha), commitAuthors: world.commitAuthors });
}

/** Everything, by everyone, everywhere. */
export function wide(world: World): Breadth {
  return {
    allUsers: true,
    maxLooks: 4,
    maxErrorAttempt: 2,
    delays: [0, 1000, 15 * MINUTE, 30 * MINUTE],
    prAt: prFor(world),
  };
}

/** The events that move a rollout along the chain. */
export function isProgress(e: Event, state: PullRequestState | null, clock: number): boolean {
  const r = 'rolloutId' in e ? state?.rollouts.find((x) => x.id === e.rolloutId) : undefined;
  switch (e.type) {
    case 'PullRequestOpened':
      return state === null;
    case 'GateFinished':
      return e.outcome.status === 'passed' && e.sha === r?.pr.sha && r.gates[e.gateId]?.attempt === e.attempt;
    case 'DeployFinished':
      return e.ok && r?.deploys[e.stage]?.epoch === e.epoch;
    case 'CanaryJudged':
      // Doubt during the lock counts too, so that runs pause and resume it (issue 5).
      return (
        (e.verdict === 'healthy' || (e.verdict === 'inconclusive' && r?.phase === 'time_locked')) &&
        e.sha === r?.pr.sha &&
        e.look === r.canary.look
      );
    case 'ApproveClicked':
    case 'AdvisoryReviewFinished':
      return e.sha === r?.pr.sha;
    case 'TimerFired':
      return (e.kind === 'time_lock' && e.at > clock) || e.kind === 'preflight_retry' || e.kind === 'canary_watch';
    case 'PreflightCompleted':
      return e.facts.headSha === r?.pr.sha && e.facts.windowOpen && e.facts.freeze === null;
    case 'VerificationCompleted':
      return e.ok && e.epoch === r?.epoch;
    default:
      return false;
  }
}

/**
 * Runs the choices in the world: each choice picks a progress event 85 % of the time (when there is
 * one), otherwise any enabled event; a few carry a clock step or bring the other policy into force.
 * `onStep` sees every transition (and throws to fail the property). Returns the steps taken.
 */
export function runChoices(
  world: World,
  choices: readonly number[],
  onStep: (step: Step) => void,
  rewrite: (e: Event) => Event = (e) => e,
): Step[] {
  let state: PullRequestState | null = null;
  let clock = T0;
  let policy = world.policies[0] ?? WORLD_POLICY;
  const breadth = wide(world);
  const steps: Step[] = [];
  for (const c of choices) {
    if (world.policies.length > 1 && c % 13 === 0) policy = world.policies[(c >> 4) % world.policies.length] ?? policy;
    const all = enabledEvents(state, clock, policy, breadth);
    const progress = all.filter((e) => isProgress(e, state, clock));
    const pool = c % 20 < 17 && progress.length > 0 ? progress : all;
    const picked = pool[Math.floor(c / 20) % pool.length];
    if (picked === undefined) continue;
    const step = [0, 0, 0, 0, 0, 1000, 5 * MINUTE, 15 * MINUTE][(c >> 3) % 8] ?? 0;
    const event = rewrite({ ...picked, at: picked.at + step } as Event);
    const d = decide(state, event, policy);
    const s: Step = { pre: state, event, policy, post: d.state, commands: d.commands };
    steps.push(s);
    onStep(s);
    state = d.state;
    clock = event.at;
  }
  return steps;
}

/** The path of a failed run, for the failure message (fast-check adds the seed and its own path). */
export function describeSteps(steps: readonly Step[]): string {
  return steps.map((s, i) => `  ${i + 1}. ${JSON.stringify(s.event)}`).join('\n');
}
