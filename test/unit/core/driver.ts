/**
 * A small given/when/then driver for the rule tables: it feeds `decide` events at a moving clock and
 * knows the happy path, so a rule test starts from "given a rollout awaiting approval" in one line.
 */
import { decide } from '../../../src/core/decide.ts';
import type {
  Command,
  Event,
  Policy,
  PreflightFacts,
  PullRequestInfo,
  PullRequestState,
  Reply,
  Rollout,
} from '../../../src/core/types.ts';
import { POLICY, prAt, SHA_A } from '../../support/core-fixtures.ts';
import type { Draft } from './domain.ts';

export const T0 = 1_700_000_000_000;
export const MINUTE = 60_000;

/** Preflight facts that let production go. */
export function goodFacts(headSha = SHA_A): PreflightFacts {
  return { headSha, canary: 'healthy', freeze: null, windowOpen: true, nextWindowAt: null };
}

export class Rollouts {
  state: PullRequestState | null = null;
  clock = T0;
  commands: readonly Command[] = [];
  readonly events: Event[] = [];

  constructor(
    public policy: Policy = POLICY,
    readonly pr: (sha: string) => PullRequestInfo = prAt,
  ) {}

  /** Decides one event `afterMs` after the previous one; keeps the commands it returned. */
  send(draft: Draft, afterMs = 0): readonly Command[] {
    this.clock += afterMs;
    const event = { ...draft, at: this.clock } as Event;
    this.events.push(event);
    const d = decide(this.state, event, this.policy);
    this.state = d.state;
    this.commands = d.commands;
    return d.commands;
  }

  /** The rollout with `id`, or the newest. */
  rollout(id?: string): Rollout {
    const rollouts = this.state?.rollouts ?? [];
    const r = id === undefined ? rollouts.at(-1) : rollouts.find((x) => x.id === id);
    if (r === undefined) throw new Error(`no rollout ${id ?? '(newest)'}`);
    return r;
  }

  get id(): string {
    return this.rollout().id;
  }

  get phase(): string {
    return this.rollout().phase;
  }

  /** The commands of the last decision, by type. */
  sent<T extends Command['type']>(type: T): Extract<Command, { type: T }>[] {
    return this.commands.filter((c): c is Extract<Command, { type: T }> => c.type === type);
  }

  /** The types of the last decision's commands, in order. */
  get types(): string[] {
    return this.commands.map((c) => c.type);
  }

  /** The last ephemeral reply. */
  get reply(): Reply | undefined {
    return this.sent('ReplyEphemeral').at(-1)?.reply;
  }

  // ---- the happy path, one phase at a time ------------------------------------------------

  opened(sha = SHA_A, rolloutId = 'r1'): this {
    this.send({ type: 'PullRequestOpened', pr: this.pr(sha), rolloutId });
    return this;
  }

  pass(gateId: string): this {
    const r = this.rollout();
    const attempt = r.gates[gateId]?.attempt ?? 1;
    const outcome = { status: 'passed', summary: 'ok', durationMs: 5 } as const;
    this.send({ type: 'GateFinished', rolloutId: r.id, sha: r.pr.sha, gateId, attempt, outcome });
    return this;
  }

  /** Every gate of the policy passes. */
  gatesPassed(): this {
    for (const g of this.policy.gates) this.pass(g.id);
    return this;
  }

  deployed(stage: 'staging' | 'canary' | 'production' | 'rollback', ok = true): this {
    const r = this.rollout();
    const epoch = r.deploys[stage]?.epoch ?? -1;
    this.send({ type: 'DeployFinished', rolloutId: r.id, stage, epoch, ok, summary: ok ? 'ok' : 'exit 1' });
    return this;
  }

  judged(verdict: 'healthy' | 'unhealthy' | 'inconclusive' = 'healthy'): this {
    const r = this.rollout();
    this.send({ type: 'CanaryJudged', rolloutId: r.id, sha: r.pr.sha, look: r.canary.look, verdict, summary: '' });
    return this;
  }

  /** Gates passed, staging and canary deployed, canary judged healthy. */
  awaitingApproval(): this {
    if (this.state === null) this.opened();
    return this.gatesPassed().deployed('staging').deployed('canary').judged('healthy');
  }

  approve(user: string, sha?: string): this {
    const r = this.rollout();
    this.send({ type: 'ApproveClicked', rolloutId: r.id, user, sha: sha ?? r.pr.sha });
    return this;
  }

  /** Approved by bob and carol: the lock runs from now. */
  timeLocked(): this {
    return this.awaitingApproval().approve('UBOB').approve('UCAROL');
  }

  timer(kind: Extract<Event, { type: 'TimerFired' }>['kind'], afterMs = 0): this {
    this.send({ type: 'TimerFired', rolloutId: this.id, kind }, afterMs);
    return this;
  }

  /** The lock runs out and the preflight is asked for. */
  unlocked(): this {
    return this.timeLocked().timer('time_lock', this.policy.timeLockMs);
  }

  preflight(facts: Partial<PreflightFacts> = {}): this {
    const r = this.rollout();
    this.send({ type: 'PreflightCompleted', rolloutId: r.id, facts: { ...goodFacts(r.pr.sha), ...facts } });
    return this;
  }

  /** Production claimed. */
  deploying(): this {
    return this.unlocked().preflight();
  }

  /** Production succeeded; verification running. */
  verifying(): this {
    return this.deploying().deployed('production');
  }

  verified(ok: boolean, summary = ok ? 'ok' : 'p99 up'): this {
    const r = this.rollout();
    this.send({ type: 'VerificationCompleted', rolloutId: r.id, epoch: r.epoch, ok, summary });
    return this;
  }

  cancel(user: string): this {
    this.send({ type: 'CancelRequested', rolloutId: this.id, user });
    return this;
  }

  reject(user: string, sha?: string): this {
    const r = this.rollout();
    this.send({ type: 'RejectSubmitted', rolloutId: r.id, user, sha: sha ?? r.pr.sha, reason: 'not now' });
    return this;
  }
}

/** Given a fresh PR aggregate under `policy`. */
export function given(policy: Policy = POLICY, pr: (sha: string) => PullRequestInfo = prAt): Rollouts {
  return new Rollouts(policy, pr);
}

/** The policy with other approval rules. */
export function withApprovals(approvals: Partial<Policy['approvals']>, base: Policy = POLICY): Policy {
  return { ...base, approvals: { ...base.approvals, ...approvals } };
}
