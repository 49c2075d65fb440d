/**
 * The orchestrator's vocabulary: rollouts, events, commands and the policy.
 *
 * Everything here is plain, JSON-serialisable data so that the event log can be replayed and the
 * snapshot compared byte for byte (invariant I6). Times are epoch milliseconds (UTC) carried by the
 * events; the core never reads a clock.
 */

/** A Slack user id, for example `U012ABCDEF`. */
export type SlackUserId = string;
/** A GitHub login, for example `octocat`. */
export type GitHubLogin = string;
/** A full 40-character commit SHA. */
export type Sha = string;
/** Epoch milliseconds, UTC. */
export type EpochMs = number;

/** The rollout's position in the chain of DESIGN.md. */
export type ActivePhase =
  | 'reviewing'
  | 'testing'
  | 'staging'
  | 'canary'
  | 'awaiting_approval'
  | 'time_locked'
  | 'deploying'
  | 'verifying';

/** Phases that absorb every event (invariant I5). */
export type TerminalPhase = 'deployed' | 'rejected' | 'cancelled' | 'superseded' | 'rolled_back' | 'failed' | 'expired';

/** Any phase. */
export type Phase = ActivePhase | TerminalPhase;

/** The gate chain runs reviewing gates in parallel, then testing gates one after another. */
export type GatePhase = 'reviewing' | 'testing';

/** What a gate does; the runner picks its executor by kind. */
export type GateKind =
  | 'static_analysis'
  | 'security_scanner'
  | 'unit_tests'
  | 'integration_tests'
  | 'fuzz'
  | 'github_check';

/** One blocking gate as the policy declares it. */
export interface GateSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: GateKind;
  readonly phase: GatePhase;
}

/** A named group of approvers with a quorum ("1 from sre"). */
export interface ApproverGroup {
  readonly name: string;
  readonly members: readonly SlackUserId[];
  readonly quorum: number;
}

/** Who may approve production, and how many of them must. */
export interface ApprovalPolicy {
  /** Distinct eligible humans needed, at least 1. */
  readonly required: number;
  /** Users named directly. Group members are named too. */
  readonly approvers: readonly SlackUserId[];
  readonly groups: readonly ApproverGroup[];
  /** An unanswered request for approval expires after this long (default 24 h). */
  readonly expiryMs: number;
  /** A reminder mentioning the eligible approvers goes out after this long. */
  readonly reminderMs: number;
}

/** One human known to both systems. Identities that are not listed here are never eligible. */
export interface Person {
  readonly slack: SlackUserId;
  readonly github: GitHubLogin;
}

/** Everything the core needs to decide for one repository's production environment. */
export interface Policy {
  readonly gates: readonly GateSpec[];
  readonly advisoryReview: boolean;
  readonly approvals: ApprovalPolicy;
  readonly people: readonly Person[];
  /** The time lock after the approval quorum (default 15 min). */
  readonly timeLockMs: number;
  /** The canary is re-judged this often while it is watched. */
  readonly canaryWatchMs: number;
  /** How long production is watched before the rollout counts as deployed. */
  readonly verificationMs: number;
  /** A held preflight (freeze, closed window, canary not healthy) is retried this often. */
  readonly preflightRetryMs: number;
}

/** The pull request facts a rollout is started from. */
export interface PullRequestInfo {
  readonly repo: string;
  readonly number: number;
  readonly sha: Sha;
  readonly title: string;
  readonly author: GitHubLogin;
  /** Logins of every commit author in the change; unknown authors are carried as `email:<address>`. */
  readonly commitAuthors: readonly string[];
  readonly url: string;
}

/** The outcome of one blocking gate run. Missing results never count as passed. */
export interface GateOutcome {
  readonly status: 'passed' | 'failed' | 'error';
  /** One line for the card, written by our own code (never model output). */
  readonly summary: string;
  readonly durationMs: number;
}

/**
 * The advisory reviewer's output. The core stores it for rendering and never reads `payload`:
 * invariant I3 says replacing it with anything leaves every decision the same.
 */
export interface AdvisoryReview {
  readonly kind: 'advisory';
  readonly payload: unknown;
}

/** The canary judge's three-way verdict; anything but `healthy` blocks. */
export type CanaryVerdict = 'healthy' | 'unhealthy' | 'inconclusive';

/** One metric's verdict in a look; `no_data` when a track had none (never a pass). */
export type CanaryMetricVerdict = CanaryVerdict | 'no_data';

/**
 * One metric of a canary look as the card's table and the thread's trace show it (issues 3 and 5):
 * display strings the canary adapter writes from the judge's deterministic trace, short and
 * bounded. The core stores the rows with the look's verdict for rendering only and never decides
 * on them. `name` comes from the operator's config and every field is escaped when rendered.
 */
export interface CanaryMetricRow {
  readonly name: string;
  readonly verdict: CanaryMetricVerdict;
  readonly critical: boolean;
  /** The deciding test: `shift`, `rate_ratio` or `leak`. */
  readonly test: string;
  /** The rule that fired, e.g. `within_margin`, `significant_beyond_margin`, `no_data`. */
  readonly rule: string;
  /** Median of the baseline's cleaned samples (the error rate for counts), e.g. `0.212`. */
  readonly baseline: string;
  readonly canary: string;
  /** Canary against baseline: `+12.3 %` for ratios, `+0.05` for differences, `+3/sample` for a leak. */
  readonly effect: string;
  /** The effect's confidence interval, e.g. `90 % CI +5 %…+20 %`. */
  readonly interval: string;
  /** The band the effect must stay inside, e.g. `−9.09 %…+10 %`. */
  readonly margin: string;
  /** P-value in the harmful direction, raw and Holm-adjusted, and this look's α. */
  readonly pRaw: string;
  readonly pAdjusted: string;
  readonly alpha: string;
  /** Samples used of those fetched, e.g. `canary 58/60 · baseline 60/60`. */
  readonly samples: string;
  /** Data-quality flags: dropped samples, ties, zeros, why a track had no data. */
  readonly flags: readonly string[];
  /** One line: what the deciding test showed. */
  readonly reason: string;
}

/** Deploy stages, each a script of the operator's. */
export type DeployStage = 'staging' | 'canary' | 'production' | 'rollback';

/** What the shell found right before production. */
export interface PreflightFacts {
  /** The PR head as GitHub reports it now. */
  readonly headSha: Sha;
  readonly canary: CanaryVerdict;
  /** The repository's freeze as stored now. */
  readonly freeze: Freeze | null;
  readonly windowOpen: boolean;
  /** When the deploy window opens next, if it is closed. */
  readonly nextWindowAt: EpochMs | null;
}

/** A deploy freeze on a repository. */
export interface Freeze {
  readonly reason: string;
  /**
   * Who froze it: the Slack user of `/shiplock freeze on`, or {@link AUTOMATIC_FREEZE_BY} for the
   * freeze shiplock sets itself after a production rollback (issue #6). Never rendered as a mention
   * unless it is shaped like a Slack user id.
   */
  readonly by: SlackUserId;
  readonly at: EpochMs;
}

/**
 * `Freeze.by` of the freeze shiplock sets after a production rollback: not a Slack user id (those
 * are upper case), so it can never be mentioned, and it fits the `freezes.by` column unchanged.
 */
export const AUTOMATIC_FREEZE_BY = 'shiplock';

/** Timer kinds; a timer is a row with an absolute due time, owned by the shell. */
export type TimerKind =
  | 'time_lock'
  | 'approval_reminder'
  | 'approval_expiry'
  | 'canary_watch'
  | 'preflight_retry'
  | 'verification';

// ---------------------------------------------------------------------------------------------
// Events: facts that happened. Every event carries its time `at`.

interface EventBase {
  readonly at: EpochMs;
}

/** Opened, reopened or ready for review: the PR's head is `pr.sha`. */
export interface PullRequestOpened extends EventBase {
  readonly type: 'PullRequestOpened';
  readonly pr: PullRequestInfo;
  /** Id for a rollout this event may start; drawn by the shell. */
  readonly rolloutId: string;
}

/** New commits were pushed: the head is now `pr.sha`. */
export interface PullRequestPushed extends EventBase {
  readonly type: 'PullRequestPushed';
  readonly pr: PullRequestInfo;
  readonly rolloutId: string;
}

/** The PR was closed or merged without shiplock. */
export interface PullRequestClosed extends EventBase {
  readonly type: 'PullRequestClosed';
  readonly repo: string;
  readonly number: number;
}

/** A blocking gate run started. */
export interface GateStarted extends EventBase {
  readonly type: 'GateStarted';
  readonly rolloutId: string;
  readonly gateId: string;
  readonly attempt: number;
  /**
   * The seed the shell drew for this run (fuzz gates read it as `SHIPLOCK_FUZZ_SEED`). It is in
   * the audit log before the run starts, so any run can be reproduced; the core does not read it.
   */
  readonly seed?: number;
}

/** A blocking gate run finished. */
export interface GateFinished extends EventBase {
  readonly type: 'GateFinished';
  readonly rolloutId: string;
  readonly sha: Sha;
  readonly gateId: string;
  readonly attempt: number;
  readonly outcome: GateOutcome;
}

/** The advisory reviewer answered (or failed to). A different type from blocking results. */
export interface AdvisoryReviewFinished extends EventBase {
  readonly type: 'AdvisoryReviewFinished';
  readonly rolloutId: string;
  readonly sha: Sha;
  readonly review: AdvisoryReview;
}

/** The canary judge answered for one look. */
export interface CanaryJudged extends EventBase {
  readonly type: 'CanaryJudged';
  readonly rolloutId: string;
  readonly sha: Sha;
  readonly look: number;
  readonly verdict: CanaryVerdict;
  readonly summary: string;
  /** The per-metric trace, for the card's table and the thread; absent when the judge has none (and in older logs). */
  readonly metrics?: readonly CanaryMetricRow[];
  /** The judge's Kayenta-style 0–100 score, shown in the thread for information; it never decides. */
  readonly score?: number;
}

/** A human action on a card or through the slash command. `user` is the verified Slack user. */
export interface HumanActionBase extends EventBase {
  readonly rolloutId: string;
  readonly user: SlackUserId;
}

/** Approve was clicked for `sha` (the SHA the card showed). */
export interface ApproveClicked extends HumanActionBase {
  readonly type: 'ApproveClicked';
  readonly sha: Sha;
}

/** Reject was submitted with a reason. */
export interface RejectSubmitted extends HumanActionBase {
  readonly type: 'RejectSubmitted';
  readonly sha: Sha;
  readonly reason: string;
}

/** Cancel was asked for. */
export interface CancelRequested extends HumanActionBase {
  readonly type: 'CancelRequested';
}

/** Roll back was asked for after production started. */
export interface RollbackRequested extends HumanActionBase {
  readonly type: 'RollbackRequested';
}

/**
 * Production is fine was confirmed on the card of a rollout whose production deploy outcome is
 * unknown (issue #6): the user checked production by hand. Deploys nothing.
 */
export interface ProductionConfirmed extends HumanActionBase {
  readonly type: 'ProductionConfirmed';
}

/** Retry was asked for a gate that ended in `error`. */
export interface RetryRequested extends HumanActionBase {
  readonly type: 'RetryRequested';
  readonly gateId: string;
}

/** A timer row came due. */
export interface TimerFired extends EventBase {
  readonly type: 'TimerFired';
  readonly rolloutId: string;
  readonly kind: TimerKind;
}

/** A deploy script was started (its claim committed before). */
export interface DeployStarted extends EventBase {
  readonly type: 'DeployStarted';
  readonly rolloutId: string;
  readonly stage: DeployStage;
  readonly epoch: number;
}

/** A deploy script ended. */
export interface DeployFinished extends EventBase {
  readonly type: 'DeployFinished';
  readonly rolloutId: string;
  readonly stage: DeployStage;
  readonly epoch: number;
  readonly ok: boolean;
  readonly summary: string;
}

/** After a crash the shell found a deploy that started and never reported. */
export interface DeployOutcomeUnknown extends EventBase {
  readonly type: 'DeployOutcomeUnknown';
  readonly rolloutId: string;
  readonly stage: DeployStage;
  readonly epoch: number;
}

/** The preflight facts, gathered right before production. */
export interface PreflightCompleted extends EventBase {
  readonly type: 'PreflightCompleted';
  readonly rolloutId: string;
  readonly facts: PreflightFacts;
}

/** The verification of production ended. */
export interface VerificationCompleted extends EventBase {
  readonly type: 'VerificationCompleted';
  readonly rolloutId: string;
  readonly epoch: number;
  readonly ok: boolean;
  readonly summary: string;
}

/** A freeze was set (`freeze`) or cleared (`null`) on the repository. */
export interface FreezeChanged extends EventBase {
  readonly type: 'FreezeChanged';
  readonly repo: string;
  readonly freeze: Freeze | null;
}

/** Whether an alert is firing now or has resolved (Alertmanager's two statuses). */
export type AlertStatus = 'firing' | 'resolved';

/**
 * One Alertmanager alert about a rollout's canary, as the adapter parsed and capped it. Labels,
 * annotations and the summary are untrusted text: the core stores them for rendering only.
 */
export interface AlertFacts {
  /** Alertmanager's fingerprint: the same alert keeps it from firing to resolved. */
  readonly id: string;
  readonly status: AlertStatus;
  /** The `alertname` label. */
  readonly name: string;
  /** The `summary` (or `description`) annotation, short. */
  readonly summary: string;
  /** A small capped label set (the adapter drops the rest). */
  readonly labels: Readonly<Record<string, string>>;
  /** A small capped annotation set, for baseline vs canary values when the rule provides them. */
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: EpochMs;
  /** When it resolved; `null` while firing. */
  readonly endsAt: EpochMs | null;
}

/** Alertmanager reported an alert that the adapter mapped to a rollout by its labels. */
export interface CanaryAlertReceived extends EventBase {
  readonly type: 'CanaryAlertReceived';
  readonly rolloutId: string;
  readonly alert: AlertFacts;
}

/** Acknowledge was clicked on a canary alert's message. */
export interface AlertAcknowledged extends HumanActionBase {
  readonly type: 'AlertAcknowledged';
  readonly alertId: string;
}

/** Every event the orchestrator takes. */
export type Event =
  | PullRequestOpened
  | PullRequestPushed
  | PullRequestClosed
  | GateStarted
  | GateFinished
  | AdvisoryReviewFinished
  | CanaryJudged
  | ApproveClicked
  | RejectSubmitted
  | CancelRequested
  | RollbackRequested
  | RetryRequested
  | ProductionConfirmed
  | TimerFired
  | DeployStarted
  | DeployFinished
  | DeployOutcomeUnknown
  | PreflightCompleted
  | VerificationCompleted
  | FreezeChanged
  | CanaryAlertReceived
  | AlertAcknowledged;

/** The event type names. */
export type EventType = Event['type'];

// ---------------------------------------------------------------------------------------------
// Commands: decisions for the shell to perform.

/** Run one blocking gate on the exact SHA. */
export interface RunGate {
  readonly type: 'RunGate';
  readonly rolloutId: string;
  readonly sha: Sha;
  readonly gateId: string;
  readonly attempt: number;
}

/** Ask the advisory reviewer; its answer only ever reaches humans. */
export interface RequestAdvisoryReview {
  readonly type: 'RequestAdvisoryReview';
  readonly rolloutId: string;
  readonly sha: Sha;
}

/** Run a deploy script. `epoch` fences it; `idempotencyKey` lets the script de-duplicate. */
export interface StartDeploy {
  readonly type: 'StartDeploy';
  readonly rolloutId: string;
  readonly repo: string;
  readonly pr: number;
  readonly sha: Sha;
  readonly stage: DeployStage;
  readonly epoch: number;
  readonly idempotencyKey: string;
}

/** Judge the canary against the baseline for one look. */
export interface JudgeCanary {
  readonly type: 'JudgeCanary';
  readonly rolloutId: string;
  readonly sha: Sha;
  readonly look: number;
}

/** Gather the preflight facts. */
export interface RunPreflight {
  readonly type: 'RunPreflight';
  readonly rolloutId: string;
  readonly sha: Sha;
}

/** Verify production after the deploy. */
export interface RunVerification {
  readonly type: 'RunVerification';
  readonly rolloutId: string;
  readonly sha: Sha;
  readonly epoch: number;
}

/** Create or move the rollout's timer of this kind to `dueAt`. */
export interface ScheduleTimer {
  readonly type: 'ScheduleTimer';
  readonly rolloutId: string;
  readonly kind: TimerKind;
  readonly dueAt: EpochMs;
}

/** Drop every timer of the rollout. */
export interface CancelTimers {
  readonly type: 'CancelTimers';
  readonly rolloutId: string;
}

/** Report a gate or deployment to GitHub (check run, status, deployment status). */
export interface ReportToGitHub {
  readonly type: 'ReportToGitHub';
  readonly rolloutId: string;
  readonly repo: string;
  readonly sha: Sha;
  readonly report:
    | { readonly kind: 'gate'; readonly gateId: string; readonly status: GateStatus }
    | { readonly kind: 'deployment'; readonly stage: DeployStage; readonly status: DeploymentStatus };
}

/** Render commands: they carry no decision and may depend on advisory output. */
export interface PublishCard {
  readonly type: 'PublishCard';
  readonly rolloutId: string;
}

/** A message in the card's thread. */
export interface PostThread {
  readonly type: 'PostThread';
  readonly rolloutId: string;
  readonly message: ThreadMessage;
}

/** An answer only the acting user sees. */
export interface ReplyEphemeral {
  readonly type: 'ReplyEphemeral';
  readonly rolloutId: string;
  readonly user: SlackUserId;
  readonly reply: Reply;
}

/** Post or update the message of one canary alert in the repository's alerts channel. */
export interface PublishAlert {
  readonly type: 'PublishAlert';
  readonly rolloutId: string;
  readonly alertId: string;
}

/**
 * A production rollback ended (rolled back, or the rollback failed): freeze the repository's
 * production deploys until an authorized human clears the freeze (issue #6, as Shipit does). The
 * shell stores the freeze unless the repository is frozen already (an earlier freeze is kept) and
 * delivers `FreezeChanged` to every open pull request of the repository. `reason` is why the
 * rollout ended.
 */
export interface FreezeRepository {
  readonly type: 'FreezeRepository';
  readonly rolloutId: string;
  readonly repo: string;
  readonly reason: EndReason;
}

/**
 * A production rollback failed (or its outcome is unknown): production may be broken. A short
 * message in the repository's alerts channel; display only.
 */
export interface AlertRollbackFailed {
  readonly type: 'AlertRollbackFailed';
  readonly rolloutId: string;
}

/** Every command the orchestrator emits. */
export type Command =
  | RunGate
  | RequestAdvisoryReview
  | StartDeploy
  | JudgeCanary
  | RunPreflight
  | RunVerification
  | ScheduleTimer
  | CancelTimers
  | ReportToGitHub
  | PublishCard
  | PostThread
  | ReplyEphemeral
  | PublishAlert
  | FreezeRepository
  | AlertRollbackFailed;

/** Command kinds that only show things to people (invariant I3 compares everything else). */
export const RENDER_COMMANDS: ReadonlySet<Command['type']> = new Set([
  'PublishCard',
  'PostThread',
  'ReplyEphemeral',
  'PublishAlert',
  'AlertRollbackFailed',
]);

/** Status of a gate as the card and GitHub show it. */
export type GateStatus = 'pending' | 'running' | 'passed' | 'failed' | 'error';

/** Deployment statuses as GitHub names them. */
export type DeploymentStatus = 'in_progress' | 'success' | 'failure' | 'inactive' | 'error';

/** What goes into the card's thread. */
export type ThreadMessage =
  | { readonly kind: 'gate_finished'; readonly gateId: string }
  | { readonly kind: 'advisory_review' }
  | { readonly kind: 'deploy_finished'; readonly stage: DeployStage; readonly epoch: number }
  | { readonly kind: 'approval_reminder'; readonly eligible: readonly SlackUserId[] }
  | { readonly kind: 'superseded'; readonly by: string }
  | { readonly kind: 'preflight_held'; readonly reason: HoldReason }
  /**
   * A look whose verdict differs from the one before (or the first verdict): its per-metric trace
   * is on the rollout while `rollout.canary.at` is still `judgedAt` (a later look replaces it).
   */
  | {
      readonly kind: 'canary_judged';
      readonly look: number;
      readonly verdict: CanaryVerdict;
      readonly judgedAt: EpochMs;
    }
  /** The canary turned inconclusive during the lock: the countdown stopped with `remainingMs` left. */
  | {
      readonly kind: 'time_lock_paused';
      readonly remainingMs: number;
      /** The approvers who count now: they are asked to look (and may cancel). */
      readonly approvers: readonly SlackUserId[];
    }
  /** A healthy look after a pause: the countdown runs again until `unlockAt`. */
  | { readonly kind: 'time_lock_resumed'; readonly unlockAt: EpochMs }
  /** A production rollback ended and the repository's deploys are frozen (issue #6). */
  | { readonly kind: 'repository_frozen' }
  /** A human resolved an unknown production outcome: Roll back or Production is fine (issue #6). */
  | { readonly kind: 'outcome_resolved' };

/** Why a human action did not count, or what it did. */
export type Reply =
  | { readonly kind: 'accepted'; readonly action: HumanAction }
  | { readonly kind: 'refused'; readonly reason: Refusal };

/** Human actions. */
export type HumanAction = 'approve' | 'reject' | 'cancel' | 'rollback' | 'retry' | 'acknowledge' | 'confirm_production';

/** Refusals are values with stable codes; the renderer turns them into sentences. */
export type Refusal =
  | { readonly code: 'unknown_rollout' }
  | { readonly code: 'not_named_approver' }
  | { readonly code: 'author_of_change' }
  | { readonly code: 'identity_unmapped' }
  | { readonly code: 'stale_card'; readonly currentSha: Sha | null }
  | { readonly code: 'already_decided'; readonly phase: TerminalPhase }
  | { readonly code: 'already_approved' }
  | { readonly code: 'wrong_phase'; readonly phase: Phase }
  | { readonly code: 'production_started' }
  | { readonly code: 'nothing_to_retry' }
  | { readonly code: 'unknown_alert' }
  | { readonly code: 'already_acknowledged'; readonly by: SlackUserId }
  /** The unknown production outcome was already resolved, by `by`, the way `kind` says (issue #6). */
  | { readonly code: 'already_resolved'; readonly kind: ResolutionKind; readonly by: SlackUserId };

/** Why production is held at preflight. */
export type HoldReason =
  | { readonly code: 'frozen'; readonly freeze: Freeze }
  | { readonly code: 'window_closed'; readonly nextWindowAt: EpochMs | null }
  | { readonly code: 'canary_not_healthy'; readonly verdict: CanaryVerdict }
  | { readonly code: 'not_ready'; readonly blockers: readonly string[] };

// ---------------------------------------------------------------------------------------------
// State

/** One gate's state inside a rollout. */
export interface GateState {
  readonly status: GateStatus;
  readonly attempt: number;
  readonly startedAt: EpochMs | null;
  readonly finishedAt: EpochMs | null;
  readonly summary: string;
  readonly durationMs: number | null;
}

/** One deploy stage's state inside a rollout. */
export interface DeployState {
  readonly status: 'claimed' | 'running' | 'succeeded' | 'failed' | 'unknown';
  readonly epoch: number;
  readonly claimedAt: EpochMs;
  readonly finishedAt: EpochMs | null;
  readonly summary: string;
}

/** One counted (or not yet counted) approval. */
export interface Approval {
  readonly user: SlackUserId;
  readonly at: EpochMs;
}

/** Why the rollout ended, for the card. */
export type EndReason =
  | { readonly code: 'gate_failed'; readonly gateId: string }
  | { readonly code: 'deploy_failed'; readonly stage: DeployStage }
  | { readonly code: 'deploy_outcome_unknown'; readonly stage: DeployStage }
  | { readonly code: 'canary_unhealthy' }
  | { readonly code: 'canary_alert'; readonly alertId: string; readonly alertName: string }
  | { readonly code: 'rejected_by'; readonly user: SlackUserId; readonly reason: string }
  | { readonly code: 'cancelled_by'; readonly user: SlackUserId }
  | { readonly code: 'pr_closed' }
  | { readonly code: 'head_moved'; readonly headSha: Sha }
  | { readonly code: 'superseded_by'; readonly rolloutId: string; readonly sha: Sha }
  | { readonly code: 'approval_expired' }
  | { readonly code: 'verification_failed'; readonly summary: string }
  | { readonly code: 'rolled_back_by'; readonly user: SlackUserId }
  | { readonly code: 'rollback_failed' }
  | { readonly code: 'verified' };

/** One PR head SHA's journey through the chain. */
export interface Rollout {
  readonly id: string;
  readonly pr: PullRequestInfo;
  readonly phase: Phase;
  readonly createdAt: EpochMs;
  readonly phaseSince: EpochMs;
  readonly gates: Readonly<Record<string, GateState>>;
  readonly advisory: AdvisoryReview | null;
  readonly canary: {
    readonly look: number;
    readonly verdict: CanaryVerdict | null;
    readonly summary: string;
    readonly at: EpochMs | null;
    /**
     * The per-metric trace of the verdict above, for rendering only. Absent when the judge sent
     * none, so older snapshots replay byte for byte (I6).
     */
    readonly metrics?: readonly CanaryMetricRow[];
    /** The Kayenta-style score of the same look, for information only (absent like `metrics`). */
    readonly score?: number;
  };
  readonly approvals: readonly Approval[];
  readonly quorumAt: EpochMs | null;
  /** When the time lock runs out; `null` before the quorum and while the lock is paused. */
  readonly unlockAt: EpochMs | null;
  /**
   * Present while the countdown is paused because the canary turned inconclusive during the lock
   * (issue 5): since when, and how much of the lock was left. A healthy look resumes it. Absent
   * otherwise, so older snapshots replay byte for byte (I6).
   */
  readonly lockPaused?: { readonly since: EpochMs; readonly remainingMs: number };
  readonly hold: HoldReason | null;
  readonly preflightRunning: boolean;
  /** Fencing epoch: incremented by every deploy claim. */
  readonly epoch: number;
  readonly deploys: Readonly<Partial<Record<DeployStage, DeployState>>>;
  /** Why production is being rolled back, once a rollback is claimed. */
  readonly rollbackReason: EndReason | null;
  readonly ended: { readonly at: EpochMs; readonly reason: EndReason } | null;
}

/** A canary alert as the aggregate keeps it, so its message can be rendered again. */
export interface CanaryAlert extends AlertFacts {
  readonly rolloutId: string;
  readonly acknowledgedBy: SlackUserId | null;
  readonly acknowledgedAt: EpochMs | null;
}

/** How a human resolved an unknown production outcome: rolled it back, or checked that it is fine. */
export type ResolutionKind = 'rollback' | 'confirmed';

/**
 * A human's answer to a production deploy whose outcome is unknown (issue #6): the rollout ended
 * `failed` and stays so (a finished rollout never changes, I5), so the answer is kept on the
 * aggregate, like canary alerts. The first authorized answer wins; there is at most one per rollout.
 */
export interface OutcomeResolution {
  readonly rolloutId: string;
  readonly kind: ResolutionKind;
  readonly by: SlackUserId;
  readonly at: EpochMs;
  /**
   * The rollback deploy this resolution claimed (`kind: 'rollback'`; `null` for `confirmed`). Its
   * epoch is one above the rollout's last claim, and it is run at most once, like any deploy.
   */
  readonly rollback: DeployState | null;
}

/** The aggregate the orchestrator decides over: one pull request and its rollouts. */
export interface PullRequestState {
  readonly repo: string;
  readonly number: number;
  /** Oldest first. At most one is before production (the last); an older one may still be deploying. */
  readonly rollouts: readonly Rollout[];
  readonly freeze: Freeze | null;
  readonly closed: boolean;
  /**
   * Canary alerts about this PR's rollouts, oldest first. Kept on the aggregate, not on the rollout:
   * an alert's message is still updated (resolved, acknowledged) after its rollout ended, and a
   * finished rollout never changes (I5). Absent until the first alert, so older snapshots replay
   * byte for byte (I6).
   */
  readonly alerts?: readonly CanaryAlert[];
  /**
   * Human answers to production deploys whose outcome is unknown (issue #6), oldest first; at most
   * one per rollout. Absent until the first, so older snapshots replay byte for byte (I6).
   */
  readonly resolutions?: readonly OutcomeResolution[];
}

/** What `decide` returns. */
export interface Decision {
  readonly state: PullRequestState;
  readonly commands: readonly Command[];
}
