import type { Event } from '../../../src/core/types.ts';
import { prAt, SHA_A } from '../../support/core-fixtures.ts';

/** An event without its time (Omit distributed over the union). */
type Untimed = Event extends infer E ? (E extends Event ? Omit<E, 'at'> : never) : never;

/** PR acme/api#7 from opened to deployed (as in the core's smoke run), one event a second from `t0`. */
export function happyPath(rolloutId: string, t0: number): readonly Event[] {
  const r = rolloutId;
  const sha = SHA_A;
  const ok = { status: 'passed', summary: 'ok', durationMs: 5 } as const;
  const events: Untimed[] = [
    { type: 'PullRequestOpened', pr: prAt(sha), rolloutId: r },
    { type: 'GateFinished', rolloutId: r, sha, gateId: 'lint', attempt: 1, outcome: ok },
    { type: 'GateFinished', rolloutId: r, sha, gateId: 'unit', attempt: 1, outcome: ok },
    { type: 'DeployFinished', rolloutId: r, stage: 'staging', epoch: 1, ok: true, summary: '' },
    { type: 'DeployFinished', rolloutId: r, stage: 'canary', epoch: 2, ok: true, summary: '' },
    { type: 'CanaryJudged', rolloutId: r, sha, look: 1, verdict: 'healthy', summary: '' },
    { type: 'ApproveClicked', rolloutId: r, sha, user: 'UAUTHOR' },
    { type: 'ApproveClicked', rolloutId: r, sha, user: 'UBOB' },
    { type: 'ApproveClicked', rolloutId: r, sha, user: 'UCAROL' },
    { type: 'TimerFired', rolloutId: r, kind: 'time_lock' },
    {
      type: 'PreflightCompleted',
      rolloutId: r,
      facts: { headSha: sha, canary: 'healthy', freeze: null, windowOpen: true, nextWindowAt: null },
    },
    { type: 'DeployFinished', rolloutId: r, stage: 'production', epoch: 3, ok: true, summary: '' },
    { type: 'TimerFired', rolloutId: r, kind: 'verification' },
    { type: 'VerificationCompleted', rolloutId: r, epoch: 3, ok: true, summary: '' },
  ];
  // The time lock fires 15 minutes after the quorum; everything else follows a second apart.
  return events.map((e, i) => ({ ...e, at: t0 + i * 1000 + (i >= 9 ? 15 * 60_000 : 0) }) as Event);
}
