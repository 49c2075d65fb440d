import { newRollout } from '../../../src/core/decide.ts';
import type {
  CanaryMetricRow,
  DeployStage,
  DeployState,
  EndReason,
  GateState,
  Phase,
  PullRequestState,
  Rollout,
  TerminalPhase,
} from '../../../src/core/types.ts';
import { POLICY, prAt, SHA_A, SHA_B } from '../../support/core-fixtures.ts';

export { POLICY, SHA_A, SHA_B };

/** 2024-05-01T12:00:00Z: every fixture time is relative to it. */
export const T0 = 1_714_564_800_000;

const passed = (summary: string, durationMs: number): GateState => ({
  status: 'passed',
  attempt: 1,
  startedAt: T0,
  finishedAt: T0 + durationMs,
  summary,
  durationMs,
});

const running: GateState = {
  status: 'running',
  attempt: 1,
  startedAt: T0,
  finishedAt: null,
  summary: '',
  durationMs: null,
};

const deployed = (epoch: number, status: DeployState['status'] = 'succeeded'): DeployState => ({
  status,
  epoch,
  claimedAt: T0,
  finishedAt: status === 'succeeded' ? T0 + 60_000 : null,
  summary: status === 'succeeded' ? 'ok' : '',
});

const ENDED: Record<TerminalPhase, EndReason> = {
  deployed: { code: 'verified' },
  rejected: { code: 'rejected_by', user: 'UCAROL', reason: 'Needs a migration first' },
  cancelled: { code: 'cancelled_by', user: 'UBOB' },
  superseded: { code: 'superseded_by', rolloutId: 'r2', sha: SHA_B },
  rolled_back: { code: 'rolled_back_by', user: 'UBOB' },
  failed: { code: 'deploy_outcome_unknown', stage: 'production' },
  expired: { code: 'approval_expired' },
};

/** How far along the chain each phase got, for building a plausible rollout. */
const REACHED: Record<Phase, number> = {
  reviewing: 0,
  testing: 1,
  staging: 2,
  canary: 3,
  awaiting_approval: 4,
  time_locked: 5,
  deploying: 6,
  verifying: 7,
  deployed: 8,
  rolled_back: 8,
  failed: 6,
  rejected: 4,
  cancelled: 5,
  superseded: 4,
  expired: 4,
};

/** A plausible rollout `r1` at SHA_A in `phase`, with everything before it done. */
export function rolloutIn(phase: Phase): Rollout {
  const step = REACHED[phase];
  const base = newRollout('r1', prAt(SHA_A), T0);
  const deploys: Partial<Record<DeployStage, DeployState>> = {};
  if (step >= 2) deploys.staging = deployed(1, step === 2 ? 'running' : 'succeeded');
  if (step >= 3) deploys.canary = deployed(2, step === 3 ? 'running' : 'succeeded');
  if (step >= 6) deploys.production = deployed(3, step === 6 ? 'running' : 'succeeded');
  if (phase === 'failed') deploys.production = deployed(3, 'unknown');
  if (phase === 'rolled_back') deploys.rollback = deployed(4);
  const ended = Object.hasOwn(ENDED, phase) ? ENDED[phase as TerminalPhase] : null;
  return {
    ...base,
    phase,
    phaseSince: T0 + 600_000,
    gates: {
      lint: step >= 1 ? passed('0 findings', 4_200) : running,
      ...(step >= 1 ? { unit: step >= 2 ? passed('128 tests passed', 65_000) : running } : {}),
    },
    advisory:
      step >= 1
        ? { kind: 'advisory', payload: { summary: 'Looks fine; one nit in cache.ts.', text: 'Full review.' } }
        : null,
    canary:
      step >= 3
        ? { look: 2, verdict: step === 3 ? null : 'healthy', summary: 'error rate 0.1% vs 0.1%', at: T0 + 300_000 }
        : base.canary,
    approvals:
      step >= 4
        ? [{ user: 'UBOB', at: T0 + 700_000 }, ...(step >= 5 ? [{ user: 'UCAROL', at: T0 + 800_000 }] : [])]
        : [],
    quorumAt: step >= 5 ? T0 + 800_000 : null,
    unlockAt: step >= 5 ? T0 + 800_000 + POLICY.timeLockMs : null,
    epoch: Object.keys(deploys).length,
    deploys,
    ended: ended === null ? null : { at: T0 + 900_000, reason: ended },
  };
}

/** The pull request aggregate holding `rollouts` (the last one is current). */
export function stateOf(...rollouts: Rollout[]): PullRequestState {
  return { repo: 'acme/api', number: 7, rollouts, freeze: null, closed: false };
}

/** The rollout with `gateId` in `error` during testing. */
export function withErroredGate(gateId = 'unit'): Rollout {
  const r = rolloutIn('testing');
  const gate: GateState = {
    status: 'error',
    attempt: 1,
    startedAt: T0,
    finishedAt: T0 + 1,
    summary: 'runner crashed',
    durationMs: 1,
  };
  return { ...r, gates: { ...r.gates, [gateId]: gate } };
}

/** A look's per-metric rows as the canary adapter writes them: one per verdict, one critical. */
export const CANARY_ROWS: readonly CanaryMetricRow[] = [
  {
    name: 'latency_p99',
    verdict: 'unhealthy',
    critical: true,
    test: 'shift',
    rule: 'significant_beyond_margin',
    baseline: '0.212',
    canary: '0.261',
    effect: '+23.4 %',
    interval: '90 % CI +15 %…+31 %',
    margin: '−9.09 %…+10 %',
    pRaw: '2e-5',
    pAdjusted: '1e-4',
    alpha: '0.0052',
    samples: 'canary 60/60 · baseline 60/60',
    flags: ['ties 3.3 %'],
    reason: '+23.4 % (90 % CI +15 %…+31 %), p_adj 1e-4 vs α 0.0052: significant and beyond the margin',
  },
  {
    name: 'error_rate',
    verdict: 'healthy',
    critical: false,
    test: 'rate_ratio',
    rule: 'within_margin',
    baseline: '0.001',
    canary: '0.0011',
    effect: '+5 %',
    interval: '90 % CI −10 %…+20 %',
    margin: '−33.3 %…+50 %',
    pRaw: '0.4',
    pAdjusted: '1',
    alpha: '0.0052',
    samples: 'canary 60/60 · baseline 60/60',
    flags: [],
    reason: 'shown within the margin',
  },
  {
    name: 'cpu',
    verdict: 'inconclusive',
    critical: false,
    test: 'shift',
    rule: 'not_significant',
    baseline: '41',
    canary: '44',
    effect: '+7 %',
    interval: '90 % CI −2 %…+16 %',
    margin: '−9.09 %…+10 %',
    pRaw: '0.2',
    pAdjusted: '0.6',
    alpha: '0.0052',
    samples: 'canary 58/60 · baseline 60/60',
    flags: ['dropped 2 non-finite', 'blocks of 3 (ρ̂ 0.41 / 0.38)'],
    reason: 'not significant, not shown within the margin',
  },
  {
    name: 'memory',
    verdict: 'no_data',
    critical: false,
    test: 'shift',
    rule: 'no_data',
    baseline: '—',
    canary: '—',
    effect: '—',
    interval: '—',
    margin: '—',
    pRaw: '—',
    pAdjusted: '—',
    alpha: '0.0052',
    samples: 'canary 0/0 · baseline 0/0',
    flags: ['canary: empty series'],
    reason: 'no data (canary: empty series)',
  },
];

/** `rollout` whose last look (judged at `T0 + 300_000`) carries `rows`. */
export function withCanaryRows(rollout: Rollout, rows: readonly CanaryMetricRow[] = CANARY_ROWS): Rollout {
  return { ...rollout, canary: { ...rollout.canary, verdict: 'inconclusive', metrics: rows } };
}

/** A time-locked rollout whose lock paused 10 minutes in, with 5 minutes left. */
export function pausedRollout(): Rollout {
  const r = withCanaryRows(rolloutIn('time_locked'));
  return { ...r, unlockAt: null, lockPaused: { since: T0 + 1_400_000, remainingMs: 300_000 } };
}
