import type {
  AdvisoryReview,
  CanaryAlert,
  CanaryMetricRow,
  CanaryVerdict,
  Command,
  EpochMs,
  Event,
  Freeze,
  GateOutcome,
  JudgeCanary,
  Policy,
  PreflightFacts,
  PullRequestState,
  ReplyEphemeral,
  ReportToGitHub,
  Rollout,
  RunGate,
  RunVerification,
  StartDeploy,
  ThreadMessage,
  TimerKind,
} from '../core/types.ts';

/** The pull request aggregate's key: `owner/repo#123`. */
export type PrKey = string;

/** Builds the aggregate key of a pull request. */
export function toPrKey(repo: string, number: number): PrKey {
  return `${repo}#${number}`;
}

/** One row of the hash-chained event log. */
export interface LoggedEventRow {
  readonly seq: number;
  readonly prKey: PrKey;
  readonly at: EpochMs;
  readonly event: Event;
  readonly policyHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** A command waiting to be performed (everything but timers, which are rows of their own). */
export interface OutboxRow {
  readonly id: number;
  readonly prKey: PrKey;
  readonly command: Command;
  /** `started` is committed before a deploy script runs: found after a crash, the outcome is unknown. */
  readonly status: 'pending' | 'started' | 'done';
  readonly attempts: number;
  readonly createdAt: EpochMs;
}

/** A timer with its absolute due time (UTC ms). One per rollout and kind. */
export interface TimerRow {
  readonly rolloutId: string;
  readonly kind: TimerKind;
  readonly prKey: PrKey;
  readonly dueAt: EpochMs;
}

/** What one decision writes, all in one transaction. */
export interface CommitInput {
  readonly prKey: PrKey;
  readonly event: Event;
  readonly policy: Policy;
  /** The aggregate the event was decided on (what `loadPullRequest` gave in this transaction). */
  readonly before: PullRequestState | null;
  /** The aggregate after the event; `null` when the event found no aggregate and made none. */
  readonly state: PullRequestState | null;
  readonly commands: readonly Command[];
}

/** The transaction a decision runs in: read the aggregate, decide, write everything or nothing. */
export interface StoreTx {
  loadPullRequest(prKey: PrKey): PullRequestState | null;
  /** Appends the event (hash-chained), saves the snapshot, applies timer commands, enqueues the rest. */
  commit(input: CommitInput): { readonly seq: number; readonly outbox: readonly OutboxRow[] };
  /** Records an outside delivery id; false when it was seen before (a redelivery). */
  markDelivered(source: string, deliveryId: string, at: EpochMs): boolean;
}

/** The durable store behind the shell (SQLite now; a PostgreSQL store can replace it). */
export interface Store {
  /** Runs `fn` in one `BEGIN IMMEDIATE` transaction; a throw rolls everything back. */
  transact<T>(fn: (tx: StoreTx) => T): T;
  findPrKeyByRollout(rolloutId: string): PrKey | null;
  loadPullRequest(prKey: PrKey): PullRequestState | null;
  /**
   * What `loadPullRequest` would say of the PR's head — closed, and the newest rollout's SHA — read
   * without parsing the snapshot (the reconciler asks for every open PR); null without a snapshot.
   */
  headOf(prKey: PrKey): { readonly closed: boolean; readonly sha: string | null } | null;
  /** Open aggregates of a repository (for freezes). */
  listOpenPrKeys(repo: string): readonly PrKey[];
  /** Timers due at or before `now`, earliest first; only those of `kinds` when given. */
  dueTimers(now: EpochMs, limit: number, kinds?: readonly TimerKind[]): readonly TimerRow[];
  /** Removes the timer if it is still the same row (same due time); false if it moved or went. */
  takeTimer(timer: TimerRow): boolean;
  nextTimerDueAt(): EpochMs | null;
  /** Outbox rows in order, oldest first. */
  pendingOutbox(limit: number): readonly OutboxRow[];
  /** Rows marked started but never finished: after a crash these are deploys of unknown outcome. */
  startedOutbox(): readonly OutboxRow[];
  markOutboxStarted(id: number): void;
  markOutboxDone(id: number): void;
  /** The whole log in order (audit, replay). */
  readEvents(afterSeq: number, limit: number): readonly LoggedEventRow[];
  loadPolicy(hash: string): Policy;
  close(): void;
}

// ---------------------------------------------------------------------------------------------
// Ports to the outside systems. The executors turn their answers into events.

/** What the shell hands a gate run besides the command. */
export interface GateRun {
  /** Drawn by the shell and recorded (GateStarted) before the run: fuzz gates get it. */
  readonly seed: number;
}

/** Runs blocking gates (sandboxed commands, check runs). */
export interface GateRunner {
  run(command: RunGate, rollout: Rollout, run: GateRun): Promise<GateOutcome>;
}

/** The advisory LLM reviewer: its answer only ever reaches people. */
export interface AdvisoryReviewer {
  review(rollout: Rollout): Promise<AdvisoryReview>;
}

/** Runs the operator's deploy scripts. */
export interface Deployer {
  deploy(command: StartDeploy): Promise<{ readonly ok: boolean; readonly summary: string }>;
}

/** Judges the canary against the baseline on metrics only. */
export interface CanaryJudge {
  /** `metrics`: the look's per-metric trace for the card and the thread, when the judge has one. */
  judge(command: JudgeCanary): Promise<{
    readonly verdict: CanaryVerdict;
    readonly summary: string;
    readonly metrics?: readonly CanaryMetricRow[];
    /** The Kayenta-style score, for the thread; information only. */
    readonly score?: number;
  }>;
}

/** Gathers the facts checked right before production. */
export interface PreflightChecker {
  check(rollout: Rollout): Promise<PreflightFacts>;
}

/** Verifies production after the deploy. */
export interface Verifier {
  verify(command: RunVerification): Promise<{ readonly ok: boolean; readonly summary: string }>;
}

/** What people see: the card, its thread, ephemeral replies (Slack). */
export interface Notifier {
  publishCard(state: PullRequestState, rollout: Rollout): Promise<void>;
  postThread(state: PullRequestState, rollout: Rollout, message: ThreadMessage): Promise<void>;
  /** `state` is null when the click named a rollout nobody knows. */
  replyEphemeral(command: ReplyEphemeral, state: PullRequestState | null): Promise<void>;
  /** One message per canary alert in the repository's alerts channel: posted once, then updated in place. */
  publishAlert(state: PullRequestState, rollout: Rollout, alert: CanaryAlert): Promise<void>;
  /** A production rollback failed: a short message in the repository's alerts channel (issue #6). */
  alertRollbackFailed(state: PullRequestState, rollout: Rollout): Promise<void>;
}

/** The repositories' deploy freezes: the table `/shiplock freeze` writes and the preflight reads. */
export interface FreezeStore {
  /**
   * Stores `freeze` unless the repository is frozen already (an earlier freeze, a human's or an
   * earlier rollback's, is kept as it is); returns the freeze in force afterwards.
   */
  freezeUnlessFrozen(repo: string, freeze: Freeze): Freeze;
}

/** Check runs, statuses and deployments on GitHub. */
export interface GitHubReporter {
  report(command: ReportToGitHub): Promise<void>;
}

/** Every outside port the executor needs. */
export interface Ports {
  readonly gates: GateRunner;
  readonly reviewer: AdvisoryReviewer;
  readonly deployer: Deployer;
  readonly canary: CanaryJudge;
  readonly preflight: PreflightChecker;
  readonly verifier: Verifier;
  readonly notifier: Notifier;
  readonly github: GitHubReporter;
  readonly freezes: FreezeStore;
}

/** The only clock the shell reads; tests and the crash harness inject their own. */
export interface Clock {
  now(): EpochMs;
}
