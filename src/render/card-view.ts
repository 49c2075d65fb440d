import { resolutionOf } from '../core/decide-resolution.ts';
import { namedApprovers } from '../core/explain-rollout.ts';
import { isTerminal } from '../core/phases.ts';
import type {
  CanaryMetricRow,
  CanaryVerdict,
  DeployStage,
  DeployState,
  EndReason,
  EpochMs,
  Freeze,
  GateStatus,
  HoldReason,
  Phase,
  Policy,
  PullRequestState,
  Rollout,
} from '../core/types.ts';
import { type ApprovalView, toApprovalView } from './approval-view.ts';
import { type CardAction, toCardActions } from './card-actions.ts';
import { isPermalink } from './is-permalink.ts';
import { rollbackOutcome } from './rollback-outcome.ts';
import { ADVISORY_LABEL, toAdvisoryText } from './to-advisory-text.ts';
import { type CardUnknownOutcome, toUnknownOutcome } from './unknown-outcome-view.ts';

/** One gate line of the card. */
export interface CardGate {
  readonly id: string;
  readonly name: string;
  readonly status: GateStatus;
  readonly attempt: number;
  readonly durationMs: number | null;
  readonly summary: string;
}

/** The advisory review as the card shows it: always labelled, never a verdict. */
export interface CardAdvisory {
  readonly state: 'off' | 'pending' | 'ready' | 'unavailable';
  readonly summary: string | null;
  readonly label: typeof ADVISORY_LABEL;
}

/** One deploy stage of the card. */
export interface CardDeploy {
  readonly stage: DeployStage;
  readonly status: DeployState['status'];
  readonly summary: string;
}

/**
 * Everything the rollout card shows, as plain data. Strings are raw (unescaped): the renderer
 * escapes and truncates every one of them, so a view can be inspected and tested without Slack.
 */
export interface CardView {
  readonly rolloutId: string;
  readonly repo: string;
  readonly prNumber: number;
  readonly title: string;
  readonly sha: string;
  readonly author: string;
  readonly phase: Phase;
  readonly phaseSince: EpochMs;
  readonly terminal: boolean;
  readonly gates: readonly CardGate[];
  readonly advisory: CardAdvisory;
  readonly canary: {
    readonly look: number;
    readonly verdict: CanaryVerdict | null;
    readonly summary: string;
    readonly at: EpochMs | null;
    /** The per-metric rows of the verdict above; absent when the judge sent none. */
    readonly metrics?: readonly CanaryMetricRow[];
  };
  readonly deploys: readonly CardDeploy[];
  /** `null` before approvals are asked for and while none were given. */
  readonly approvals: ApprovalView | null;
  /** The time lock's end while it runs. */
  readonly unlockAt: EpochMs | null;
  /** While the lock is paused (the canary is inconclusive): since when, and what is left. Shown instead of the countdown. */
  readonly lockPaused: { readonly since: EpochMs; readonly remainingMs: number } | null;
  /** When an unanswered request for approval expires. */
  readonly approvalExpiresAt: EpochMs | null;
  readonly preflightRunning: boolean;
  readonly hold: HoldReason | null;
  /** The repository's freeze, shown while the rollout is active. */
  readonly freeze: Freeze | null;
  readonly ended: { readonly at: EpochMs; readonly reason: EndReason } | null;
  readonly supersededBy: { readonly rolloutId: string; readonly sha: string } | null;
  readonly actions: readonly CardAction[];
  /** Gate commands run without a sandbox (`sandbox: none`): every card says so. */
  readonly unsandboxed: boolean;
  /** Slack's permalink to the superseding rollout's card, once that card exists. */
  readonly newCardUrl: string | null;
  /** Ended after its production rollback, which froze the repository (issue #6): who may clear it. */
  readonly rollbackFreeze: { readonly liftableBy: readonly string[] } | null;
  /** A deploy whose outcome is unknown: what to check, and for production the answer (issue #6). */
  readonly unknownOutcome: CardUnknownOutcome | null;
  /** The time of the event this card was rendered for. */
  readonly at: EpochMs;
}

/** How this installation runs, as far as every card must tell. */
export interface CardSettings {
  /** `sandbox: none` in shiplock.yml. */
  readonly unsandboxed?: boolean;
  /** The superseding card's permalink (from `chat.getPermalink`); anything but a plain https URL is dropped. */
  readonly newCardUrl?: string;
}

const STAGES: readonly DeployStage[] = ['staging', 'canary', 'production', 'rollback'];

/**
 * The rollout card's view model at time `at` (the event's time: the renderer never reads a clock).
 * Reads the advisory payload defensively (it is model output) and asks the core's approval helpers
 * what counts, so the card shows exactly what `decide` will do.
 */
export function toCardView(
  state: PullRequestState,
  rollout: Rollout,
  policy: Policy,
  at: EpochMs,
  settings: CardSettings = {},
): CardView {
  const terminal = isTerminal(rollout.phase);
  const showApprovals = rollout.approvals.length > 0 || ['awaiting_approval', 'time_locked'].includes(rollout.phase);
  const reason = rollout.ended?.reason;
  const resolution = resolutionOf(state, rollout.id);
  return {
    rolloutId: rollout.id,
    repo: rollout.pr.repo,
    prNumber: rollout.pr.number,
    title: rollout.pr.title,
    sha: rollout.pr.sha,
    author: rollout.pr.author,
    phase: rollout.phase,
    phaseSince: rollout.phaseSince,
    terminal,
    gates: toGates(rollout, policy),
    advisory: toAdvisory(rollout, policy, terminal),
    canary: rollout.canary,
    deploys: STAGES.flatMap((stage) => {
      const deploy = rollout.deploys[stage];
      return deploy === undefined ? [] : [{ stage, status: deploy.status, summary: deploy.summary }];
    }),
    approvals: showApprovals ? toApprovalView(rollout, policy) : null,
    unlockAt: rollout.phase === 'time_locked' ? rollout.unlockAt : null,
    lockPaused: rollout.phase === 'time_locked' ? (rollout.lockPaused ?? null) : null,
    approvalExpiresAt: rollout.phase === 'awaiting_approval' ? rollout.phaseSince + policy.approvals.expiryMs : null,
    preflightRunning: rollout.preflightRunning && !terminal,
    hold: terminal ? null : rollout.hold,
    freeze: terminal ? null : state.freeze,
    ended: rollout.ended,
    supersededBy: reason?.code === 'superseded_by' ? { rolloutId: reason.rolloutId, sha: reason.sha } : null,
    actions: toCardActions(rollout, policy, resolution),
    unsandboxed: settings.unsandboxed === true,
    newCardUrl:
      reason?.code === 'superseded_by' && settings.newCardUrl !== undefined && isPermalink(settings.newCardUrl)
        ? settings.newCardUrl
        : null,
    rollbackFreeze: rollbackOutcome(state, rollout) === null ? null : { liftableBy: namedApprovers(policy) },
    unknownOutcome: toUnknownOutcome(rollout, resolution),
    at,
  };
}

/** Policy gates in chain order, then any gate the rollout knows that the policy no longer names. */
function toGates(rollout: Rollout, policy: Policy): readonly CardGate[] {
  const known = new Set(policy.gates.map((g) => g.id));
  const specs = [
    ...policy.gates.map((g) => ({ id: g.id, name: g.name })),
    ...Object.keys(rollout.gates)
      .filter((id) => !known.has(id))
      .map((id) => ({ id, name: id })),
  ];
  return specs.map(({ id, name }) => {
    const gate = rollout.gates[id];
    return {
      id,
      name,
      status: gate?.status ?? 'pending',
      attempt: gate?.attempt ?? 0,
      durationMs: gate?.durationMs ?? null,
      summary: gate?.summary ?? '',
    };
  });
}

function toAdvisory(rollout: Rollout, policy: Policy, terminal: boolean): CardAdvisory {
  const { summary } = toAdvisoryText(rollout.advisory);
  if (summary !== null) return { state: 'ready', summary, label: ADVISORY_LABEL };
  if (rollout.advisory === null && !policy.advisoryReview)
    return { state: 'off', summary: null, label: ADVISORY_LABEL };
  const waiting = rollout.advisory === null && !terminal;
  return { state: waiting ? 'pending' : 'unavailable', summary: null, label: ADVISORY_LABEL };
}
