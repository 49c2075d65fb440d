import type { AlertFacts, EpochMs, Policy, PullRequestInfo, Refusal } from '../../src/core/types.ts';

/** A policy with one gate per phase, two named approvers besides the author, required = 2. */
export const POLICY: Policy = {
  gates: [
    { id: 'lint', name: 'Static analysis', kind: 'static_analysis', phase: 'reviewing' },
    { id: 'unit', name: 'Unit tests', kind: 'unit_tests', phase: 'testing' },
  ],
  advisoryReview: true,
  approvals: {
    required: 2,
    approvers: ['UAUTHOR', 'UBOB', 'UCAROL'],
    groups: [],
    expiryMs: 24 * 3600_000,
    reminderMs: 3600_000,
  },
  people: [
    { slack: 'UAUTHOR', github: 'alice' },
    { slack: 'UBOB', github: 'bob' },
    { slack: 'UCAROL', github: 'carol' },
    { slack: 'UDAVE', github: 'dave' },
  ],
  timeLockMs: 15 * 60_000,
  canaryWatchMs: 60_000,
  verificationMs: 5 * 60_000,
  preflightRetryMs: 60_000,
};

export const SHA_A = 'a'.repeat(40);
export const SHA_B = 'b'.repeat(40);

/** The pull request, authored by alice, at `sha`. */
export function prAt(sha: string): PullRequestInfo {
  return {
    repo: 'acme/api',
    number: 7,
    sha,
    title: 'Make it faster',
    author: 'alice',
    commitAuthors: ['alice'],
    url: 'https://github.com/acme/api/pull/7',
  };
}

/** Every refusal code of the core: the `satisfies` makes a new code a compile error here. */
export const EVERY_REFUSAL_CODE = Object.keys({
  unknown_rollout: true,
  not_named_approver: true,
  author_of_change: true,
  identity_unmapped: true,
  stale_card: true,
  already_decided: true,
  already_approved: true,
  wrong_phase: true,
  production_started: true,
  nothing_to_retry: true,
  unknown_alert: true,
  already_acknowledged: true,
  already_resolved: true,
} satisfies Record<Refusal['code'], true>) as readonly Refusal['code'][];

/** A canary alert's facts as the Alertmanager adapter makes them: firing from `startsAt`, resolved a minute later. */
export function alertFacts(
  id: string,
  status: 'firing' | 'resolved',
  startsAt: EpochMs,
  overrides: Partial<AlertFacts> = {},
): AlertFacts {
  return {
    id,
    status,
    name: 'CanaryFailed',
    summary: 'canary 5xx',
    labels: { alertname: 'CanaryFailed', service: 'web', track: 'canary' },
    annotations: { baseline: '0.1 %', canary: '4 %' },
    startsAt,
    endsAt: status === 'resolved' ? startsAt + 60_000 : null,
    ...overrides,
  };
}
