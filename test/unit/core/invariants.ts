/**
 * Invariants I1–I6 of DESIGN.md as checks on one transition `decide(pre, event) → post`.
 *
 * The checks do not trust the core's own helpers or its bookkeeping: a `Ledger` carried along the
 * path records, from the events that came in and the commands that went out only, which gate runs
 * were asked for and how they ended, which deploys were claimed and how they ended, which canary
 * looks were asked for and judged, who clicked Approve, and whether an authorized human stopped the
 * rollout. Eligibility and quorum come from an `Oracle` written independently of `approvals.ts`.
 */
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import type {
  CanaryVerdict,
  Command,
  DeployStage,
  Event,
  Policy,
  PullRequestInfo,
  PullRequestState,
  Rollout,
} from '../../../src/core/types.ts';

/** Who may count and who may steer, decided without the core. */
export interface Oracle {
  eligible(user: string, pr: PullRequestInfo): boolean;
  mayStop(user: string, pr: PullRequestInfo): boolean;
  /** `users` are distinct and eligible. */
  quorum(users: readonly string[]): boolean;
}

type GateBook = { readonly attempt: number; readonly status: 'running' | 'passed' | 'failed' | 'error' };
type DeployBook = { readonly epoch: number; readonly status: 'claimed' | 'ok' | 'failed' | 'unknown' };

/** What the path says about one rollout. */
export interface RolloutBook {
  readonly sha: string;
  readonly gates: Readonly<Record<string, GateBook>>;
  readonly deploys: Readonly<Partial<Record<DeployStage, DeployBook>>>;
  readonly lastEpoch: number;
  readonly productionStarts: number;
  readonly look: number;
  readonly verdict: CanaryVerdict | null;
  readonly approvers: readonly string[];
  readonly quorumAt: number | null;
  /**
   * Time since the quorum during which the last verdict was inconclusive (finished stretches), and
   * when the current stretch began: the lock counts only while the canary is not in doubt.
   */
  readonly pausedMs: number;
  readonly pausedSince: number | null;
  readonly stopped: boolean;
  readonly verified: boolean;
  /**
   * The human answer to an unknown production outcome (issue #6), as the path's events say it must
   * have been taken: the first authorized Roll back or Production is fine after production was
   * found started with its outcome unknown.
   */
  readonly resolved: { readonly kind: 'rollback' | 'confirmed'; readonly by: string } | null;
}

/** Per rollout id. */
export type Ledger = Readonly<Record<string, RolloutBook>>;

export const EMPTY_LEDGER: Ledger = {};

/** A broken invariant, with the rule's name in front so the failure reads like the rulebook. */
export class InvariantViolation extends Error {
  constructor(rule: string, detail: string) {
    super(`${rule}: ${detail}`);
    this.name = 'InvariantViolation';
  }
}

function fail(rule: string, detail: string): never {
  throw new InvariantViolation(rule, detail);
}

const RANK: Readonly<Record<string, number>> = {
  reviewing: 0,
  testing: 1,
  staging: 2,
  canary: 3,
  awaiting_approval: 4,
  time_locked: 5,
  deploying: 6,
  verifying: 7,
  deployed: 8,
};
const TERMINAL = new Set(['deployed', 'rejected', 'cancelled', 'superseded', 'rolled_back', 'failed', 'expired']);
const PRE_PRODUCTION = new Set(['reviewing', 'testing', 'staging', 'canary', 'awaiting_approval', 'time_locked']);
const LIVE_CANARY = new Set(['canary', 'awaiting_approval', 'time_locked']);
const ALERT_EVENTS = new Set(['CanaryAlertReceived', 'AlertAcknowledged']);
const RESOLUTION_ACTIONS = new Set(['RollbackRequested', 'ProductionConfirmed']);
/** What may be said about a finished rollout whose unknown production outcome is being answered. */
const RESOLUTION_COMMANDS = new Set([
  'ReplyEphemeral',
  'PostThread',
  'PublishCard',
  'StartDeploy',
  'ReportToGitHub',
  'FreezeRepository',
  'AlertRollbackFailed',
]);

/** Everything one transition needs. */
export interface Transition {
  readonly pre: PullRequestState | null;
  readonly event: Event;
  readonly post: PullRequestState | null;
  readonly commands: readonly Command[];
  readonly ledger: Ledger;
  readonly policy: Policy;
  readonly oracle: Oracle;
}

/**
 * Checks I1, I2, I4 and I5 on one transition and returns the ledger after it. (I3 is differential and
 * I6 needs the whole path: see the callers.)
 */
export function checkTransition(t: Transition): Ledger {
  let ledger = openBooks(t);
  const before = ledger;
  ledger = recordEvent(t, ledger);
  checkRollbackAftermath(t, before, ledger);
  checkResolutions(t, before, ledger);
  checkAbsorption(t);
  checkCommandsAddressed(t);
  checkApprovalReplies(t);
  for (const c of t.commands) {
    if (c.type === 'RunPreflight' && postRollout(t, c.rolloutId)?.lockPaused !== undefined) {
      fail('I1', `a preflight for ${c.rolloutId} while its time lock is paused`);
    }
    if (c.type === 'StartDeploy') ledger = checkStartDeploy(t, ledger, c);
    else if (c.type === 'RunGate') ledger = withBook(ledger, c.rolloutId, (b) => gateAsked(b, c.gateId, c.attempt));
    else if (c.type === 'JudgeCanary') ledger = withBook(ledger, c.rolloutId, (b) => lookAsked(b, c.sha, c.look));
    else if (c.type === 'ScheduleTimer' && c.dueAt < t.event.at) fail('timers', `${c.kind} due before now`);
  }
  ledger = noteQuorum(t, ledger);
  for (const r of t.post?.rollouts ?? []) checkRollout(t, ledger, r);
  return ledger;
}

function withBook(ledger: Ledger, id: string, f: (b: RolloutBook) => RolloutBook): Ledger {
  const book = ledger[id];
  if (book === undefined) return fail('I5', `a command for rollout ${id} that does not exist`);
  const next = f(book);
  return next === book ? ledger : { ...ledger, [id]: next };
}

/** New rollouts get an empty book. */
function openBooks(t: Transition): Ledger {
  let ledger = t.ledger;
  for (const r of t.post?.rollouts ?? []) {
    if (ledger[r.id] !== undefined) continue;
    ledger = {
      ...ledger,
      [r.id]: {
        sha: r.pr.sha,
        gates: {},
        deploys: {},
        lastEpoch: 0,
        productionStarts: 0,
        look: 0,
        verdict: null,
        approvers: [],
        quorumAt: null,
        pausedMs: 0,
        pausedSince: null,
        stopped: false,
        verified: false,
        resolved: null,
      },
    };
  }
  return ledger;
}

function preRollout(t: Transition, id: string): Rollout | undefined {
  return t.pre?.rollouts.find((r) => r.id === id);
}

function postRollout(t: Transition, id: string): Rollout | undefined {
  return t.post?.rollouts.find((r) => r.id === id);
}

function isActive(r: Rollout | undefined): r is Rollout {
  return r !== undefined && !TERMINAL.has(r.phase);
}

/** Updates the books from the event alone (what the outside world said). */
function recordEvent(t: Transition, ledger: Ledger): Ledger {
  const e = t.event;
  if (e.type === 'PullRequestOpened' || e.type === 'PullRequestPushed' || e.type === 'PullRequestClosed') {
    return recordPullRequestEvent(t, ledger);
  }
  if (e.type === 'FreezeChanged') return ledger;
  const target = preRollout(t, e.rolloutId);
  if (target !== undefined && !isActive(target)) return recordOnFinished(t, ledger, target);
  if (!isActive(target)) return ledger;
  const id = e.rolloutId;
  switch (e.type) {
    case 'GateFinished':
      return withBook(ledger, id, (b) => {
        const g = b.gates[e.gateId];
        if (e.sha !== b.sha || g?.status !== 'running' || g.attempt !== e.attempt) return b;
        return { ...b, gates: { ...b.gates, [e.gateId]: { attempt: g.attempt, status: e.outcome.status } } };
      });
    case 'DeployFinished':
    case 'DeployOutcomeUnknown': {
      const next = withBook(ledger, id, (b) => deployEnded(b, e));
      // Never re-run (issue #6): production found started with its outcome unknown ends the rollout.
      const now = next[id]?.deploys.production?.status;
      if (now === 'unknown' && ledger[id]?.deploys.production?.status !== 'unknown') {
        if (postRollout(t, id)?.phase !== 'failed') fail('unknown', `production outcome unknown left ${id} going on`);
      }
      return next;
    }
    case 'CanaryJudged':
      return withBook(ledger, id, (b) =>
        e.sha === b.sha && e.look === b.look && b.look > 0 ? doubt({ ...b, verdict: e.verdict }, e.at) : b,
      );
    case 'ApproveClicked':
      return withBook(ledger, id, (b) => {
        const open = target.phase === 'awaiting_approval' || target.phase === 'time_locked';
        if (!open || e.sha !== b.sha || b.approvers.includes(e.user)) return b;
        if (!t.oracle.eligible(e.user, target.pr)) return b;
        return { ...b, approvers: [...b.approvers, e.user] };
      });
    case 'RejectSubmitted':
    case 'CancelRequested': {
      const sameSha = e.type === 'CancelRequested' || e.sha === target.pr.sha;
      if (!sameSha || !PRE_PRODUCTION.has(target.phase) || !t.oracle.mayStop(e.user, target.pr)) return ledger;
      const phase = postRollout(t, id)?.phase;
      const expected = e.type === 'RejectSubmitted' ? 'rejected' : 'cancelled';
      if (phase !== expected) fail('stop', `an authorized ${e.type} by ${e.user} left ${id} in ${phase}`);
      return withBook(ledger, id, (b) => ({ ...b, stopped: true }));
    }
    case 'CanaryAlertReceived': {
      // A firing alert while the canary is live stops the change for good, like an authorized cancel.
      if (e.alert.status !== 'firing' || !LIVE_CANARY.has(target.phase)) return ledger;
      const phase = postRollout(t, id)?.phase;
      if (phase !== 'cancelled') fail('alert', `a firing canary alert left ${id} in ${phase}`);
      return withBook(ledger, id, (b) => ({ ...b, stopped: true }));
    }
    case 'VerificationCompleted':
      return withBook(ledger, id, (b) => {
        const rolledBack = b.deploys.rollback !== undefined;
        const ok = e.ok && e.epoch === b.lastEpoch && b.deploys.production?.status === 'ok';
        return ok && !rolledBack && target.phase === 'verifying' ? { ...b, verified: true } : b;
      });
    default:
      return ledger;
  }
}

function deployEnded(
  b: RolloutBook,
  e: Extract<Event, { type: 'DeployFinished' | 'DeployOutcomeUnknown' }>,
): RolloutBook {
  const d = b.deploys[e.stage];
  if (d?.status !== 'claimed' || d.epoch !== e.epoch) return b;
  const status = e.type === 'DeployOutcomeUnknown' ? 'unknown' : e.ok ? 'ok' : 'failed';
  return { ...b, deploys: { ...b.deploys, [e.stage]: { epoch: d.epoch, status } } };
}

/**
 * A finished rollout takes nothing, except (issue #6) when its production outcome is unknown: the
 * first authorized Roll back or Production is fine is taken, and the rollback it claims runs to
 * its end. A rollback's result ends the claim in the books whatever the phase (a canary rollback's
 * is absorbed by the core, and freezes nothing: production never started).
 */
function recordOnFinished(t: Transition, ledger: Ledger, target: Rollout): Ledger {
  const e = t.event;
  const id = target.id;
  if ((e.type === 'DeployFinished' || e.type === 'DeployOutcomeUnknown') && e.stage === 'rollback') {
    return withBook(ledger, id, (b) => deployEnded(b, e));
  }
  if (e.type !== 'RollbackRequested' && e.type !== 'ProductionConfirmed') return ledger;
  const book = ledger[id];
  const pending = book?.deploys.production?.status === 'unknown' && book.resolved === null;
  if (!pending || !t.oracle.mayStop(e.user, target.pr)) return ledger;
  const kind = e.type === 'RollbackRequested' ? 'rollback' : 'confirmed';
  const taken = t.post?.resolutions?.find((x) => x.rolloutId === id);
  if (taken?.kind !== kind || taken.by !== e.user || taken.at !== e.at) {
    fail('resolution', `an authorized ${e.type} by ${e.user} on ${id} was not taken`);
  }
  return withBook(ledger, id, (b) => ({ ...b, resolved: { kind, by: e.user } }));
}

/**
 * Issue #6: a resolution exists only as the books say one was taken, belongs to a failed rollout,
 * never changes once taken (only its rollback's progress), and Production is fine deploys nothing.
 */
function checkResolutions(t: Transition, before: Ledger, after: Ledger): void {
  const pre = t.pre?.resolutions ?? [];
  const post = t.post?.resolutions ?? [];
  if (new Set(post.map((x) => x.rolloutId)).size !== post.length) fail('resolution', 'two answers for one rollout');
  for (const x of pre) {
    const y = post.find((z) => z.rolloutId === x.rolloutId);
    const same = y?.kind === x.kind && y.by === x.by && y.at === x.at && y.rollback?.epoch === x.rollback?.epoch;
    if (!same) fail('resolution', `the answer for ${x.rolloutId} changed`);
  }
  for (const x of post) {
    const book = after[x.rolloutId];
    if (book?.resolved?.kind !== x.kind || book.resolved.by !== x.by) {
      fail('resolution', `an answer for ${x.rolloutId} the path never gave`);
    }
    if (postRollout(t, x.rolloutId)?.phase !== 'failed') fail('resolution', `an answer for an unfailed ${x.rolloutId}`);
  }
  for (const [id, book] of Object.entries(after)) {
    if (book.resolved === null || before[id]?.resolved !== null) continue;
    const starts = t.commands.filter((c) => c.type === 'StartDeploy' && c.rolloutId === id);
    const want = book.resolved.kind === 'rollback' ? 1 : 0;
    if (starts.length !== want) fail('resolution', `${book.resolved.kind} on ${id} started ${starts.length} deploys`);
  }
}

/** Close cancels, a new head supersedes: every pre-production rollout stops for good. */
function recordPullRequestEvent(t: Transition, ledger: Ledger): Ledger {
  const e = t.event;
  if (e.type !== 'PullRequestOpened' && e.type !== 'PullRequestPushed' && e.type !== 'PullRequestClosed') return ledger;
  let out = ledger;
  for (const r of t.pre?.rollouts ?? []) {
    if (!isActive(r) || !PRE_PRODUCTION.has(r.phase)) continue;
    const after = postRollout(t, r.id)?.phase;
    if (e.type === 'PullRequestClosed') {
      if (after !== 'cancelled') fail('close', `closing the PR left ${r.id} in ${after}`);
    } else if (!t.pre?.rollouts.some((x) => x.id === e.rolloutId) && e.pr.sha !== r.pr.sha) {
      if (after !== 'superseded') fail('supersede', `a new head left ${r.id} in ${after}`);
    } else {
      continue;
    }
    out = withBook(out, r.id, (b) => ({ ...b, stopped: true }));
  }
  return out;
}

/** After a verdict under a quorum: an inconclusive one starts a stretch of doubt, a healthy one ends it. */
function doubt(b: RolloutBook, at: number): RolloutBook {
  if (b.quorumAt === null) return b;
  if (b.verdict === 'inconclusive' && b.pausedSince === null) return { ...b, pausedSince: at };
  if (b.verdict === 'healthy' && b.pausedSince !== null) {
    return { ...b, pausedMs: b.pausedMs + (at - b.pausedSince), pausedSince: null };
  }
  return b;
}

function gateAsked(b: RolloutBook, gateId: string, attempt: number): RolloutBook {
  const prev = b.gates[gateId];
  if (prev !== undefined && attempt <= prev.attempt) fail('gates', `${gateId} attempt ${attempt} asked twice`);
  return { ...b, gates: { ...b.gates, [gateId]: { attempt, status: 'running' } } };
}

function lookAsked(b: RolloutBook, sha: string, look: number): RolloutBook {
  if (sha !== b.sha) fail('I1', `canary look for ${sha}, rollout is ${b.sha}`);
  if (look !== b.look + 1) fail('canary', `look ${look} after ${b.look}`);
  return { ...b, look };
}

const ROLLBACK_ENDS = new Set(['ok', 'failed', 'unknown']);

/**
 * Issue #6: a production rollback that ended (this event finished it, per the books) freezes the
 * repository exactly once, and a rollback that failed or never reported alerts exactly once;
 * nothing else freezes or alerts. Canary rollbacks end with their rollout, so their result is
 * absorbed and never finishes a book's rollback here.
 */
function checkRollbackAftermath(t: Transition, before: Ledger, after: Ledger): void {
  const freezes = new Map<string, number>();
  const alerts = new Map<string, number>();
  for (const c of t.commands) {
    if (c.type === 'FreezeRepository') {
      freezes.set(c.rolloutId, (freezes.get(c.rolloutId) ?? 0) + 1);
      if (c.repo !== postRollout(t, c.rolloutId)?.pr.repo) fail('freeze', `${c.rolloutId} froze ${c.repo}`);
    }
    if (c.type === 'AlertRollbackFailed') alerts.set(c.rolloutId, (alerts.get(c.rolloutId) ?? 0) + 1);
  }
  const ids = new Set([...Object.keys(after), ...freezes.keys(), ...alerts.keys()]);
  for (const id of ids) {
    const was = before[id]?.deploys.rollback?.status;
    const now = after[id]?.deploys.rollback?.status;
    const ended = was === 'claimed' && now !== undefined && ROLLBACK_ENDS.has(now);
    const production = (after[id]?.productionStarts ?? 0) === 1;
    const wantFreeze = ended && production ? 1 : 0;
    const wantAlert = wantFreeze === 1 && now !== 'ok' ? 1 : 0;
    if ((freezes.get(id) ?? 0) !== wantFreeze)
      fail('freeze', `${id}: ${freezes.get(id) ?? 0} freezes, rollback ${was} → ${now}`);
    if ((alerts.get(id) ?? 0) !== wantAlert)
      fail('alert', `${id}: ${alerts.get(id) ?? 0} rollback alerts, rollback ${now}`);
    if (wantFreeze === 1 && !TERMINAL.has(postRollout(t, id)?.phase ?? '')) fail('freeze', `${id} froze but goes on`);
  }
}

/** I5: a terminal rollout absorbs everything; an event addressed to one changes nothing but replies. */
function checkAbsorption(t: Transition): void {
  for (const [i, r] of (t.pre?.rollouts ?? []).entries()) {
    if (!TERMINAL.has(r.phase)) continue;
    const after = t.post?.rollouts[i];
    if (after !== r && (after === undefined || canonicalJson(after) !== canonicalJson(r))) {
      fail('I5', `terminal rollout ${r.id} (${r.phase}) changed on ${t.event.type}`);
    }
  }
  const e = t.event;
  if (!('rolloutId' in e) || e.type === 'PullRequestOpened' || e.type === 'PullRequestPushed') return;
  const target = preRollout(t, e.rolloutId);
  if (target !== undefined && !TERMINAL.has(target.phase)) return;
  // An alert outlives its rollout: its record on the aggregate may change and its message be
  // published, but the finished rollout itself never changes (checked above). So does the answer
  // to an unknown production outcome (issue #6), with the rollback it claims and its aftermath.
  const alert = ALERT_EVENTS.has(e.type);
  const resolution = target !== undefined && isResolutionEvent(e);
  const kept = alert ? 'alerts' : resolution ? 'resolutions' : null;
  if (kept === null ? t.post !== t.pre : !sameBut(t.pre, t.post, kept)) {
    fail('I5', `${e.type} to a finished or unknown rollout changed the state`);
  }
  const allowed = (c: Command) =>
    c.type === 'ReplyEphemeral' ||
    (alert && c.type === 'PublishAlert') ||
    (resolution && RESOLUTION_COMMANDS.has(c.type) && (c.type !== 'StartDeploy' || c.stage === 'rollback'));
  const other = t.commands.find((c) => !allowed(c));
  if (other !== undefined) fail('I5', `${e.type} to a finished or unknown rollout emitted ${other.type}`);
}

function isResolutionEvent(e: Event): boolean {
  if (RESOLUTION_ACTIONS.has(e.type)) return true;
  return (
    (e.type === 'DeployStarted' || e.type === 'DeployFinished' || e.type === 'DeployOutcomeUnknown') &&
    e.stage === 'rollback'
  );
}

function sameBut(a: PullRequestState | null, b: PullRequestState | null, key: 'alerts' | 'resolutions'): boolean {
  const strip = (s: PullRequestState | null) => (s === null ? null : { ...s, [key]: undefined });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

function checkCommandsAddressed(t: Transition): void {
  for (const c of t.commands) {
    if (postRollout(t, c.rolloutId) !== undefined) continue;
    if (c.type === 'ReplyEphemeral' && c.reply.kind === 'refused' && c.reply.reason.code === 'unknown_rollout')
      continue;
    fail('commands', `${c.type} for ${c.rolloutId}, which does not exist`);
  }
}

/**
 * I4: an accepted approval is always by an eligible human, and the stored approvers are distinct.
 * (A reload can make a stored approver ineligible later: I1 then checks they no longer count.)
 */
function checkApprovalReplies(t: Transition): void {
  for (const c of t.commands) {
    if (c.type !== 'ReplyEphemeral' || c.reply.kind !== 'accepted' || c.reply.action !== 'acknowledge') continue;
    // Acknowledge carries the authorization of an approval.
    const r = postRollout(t, c.rolloutId);
    if (t.event.type !== 'AlertAcknowledged' || t.event.user !== c.user)
      fail('ack', 'an acknowledgement nobody clicked');
    if (r === undefined || !t.oracle.eligible(c.user, r.pr)) fail('ack', `${c.user} may not acknowledge`);
  }
  for (const c of t.commands) {
    if (c.type !== 'ReplyEphemeral' || c.reply.kind !== 'accepted' || c.reply.action !== 'approve') continue;
    const r = postRollout(t, c.rolloutId);
    if (t.event.type !== 'ApproveClicked' || t.event.user !== c.user) fail('I4', 'an approval nobody clicked');
    if (r === undefined || !t.oracle.eligible(c.user, r.pr)) fail('I4', `${c.user} may not approve`);
  }
  for (const r of t.post?.rollouts ?? []) {
    const users = r.approvals.map((a) => a.user);
    if (new Set(users).size !== users.length) fail('I4', `${r.id} counts a human twice: ${users.join(',')}`);
  }
}

/** I1 and I2 for one deploy claim. */
function checkStartDeploy(t: Transition, ledger: Ledger, c: Extract<Command, { type: 'StartDeploy' }>): Ledger {
  const book = ledger[c.rolloutId];
  if (book === undefined) return fail('I2', `StartDeploy for unknown rollout ${c.rolloutId}`);
  if (c.sha !== book.sha) fail('I1', `StartDeploy ${c.stage} of ${c.sha}, rollout is ${book.sha}`);
  if (c.epoch <= book.lastEpoch) fail('I2', `epoch ${c.epoch} after ${book.lastEpoch}`);
  // No deploy of any kind runs twice for one rollout (issue #6: never re-run automatically).
  if (book.deploys[c.stage] !== undefined) fail('I2', `${c.stage} claimed a second time for ${c.rolloutId}`);
  const pre = preRollout(t, c.rolloutId);
  if (pre !== undefined && TERMINAL.has(pre.phase)) {
    const e = t.event;
    const asked = e.type === 'RollbackRequested' && book.resolved?.kind === 'rollback' && book.resolved.by === e.user;
    if (c.stage !== 'rollback' || !asked) fail('I5', `${c.stage} claimed for the finished ${c.rolloutId} on ${e.type}`);
  }
  if (!c.idempotencyKey.includes(c.rolloutId) || !c.idempotencyKey.includes(String(c.epoch))) {
    fail('I2', `idempotency key ${c.idempotencyKey} does not name the rollout and epoch`);
  }
  const gatesPassed = t.policy.gates.every((g) => book.gates[g.id]?.status === 'passed');
  if (c.stage === 'staging' && !gatesPassed) fail('I5', 'staging before every gate passed');
  if (c.stage === 'canary' && book.deploys.staging?.status !== 'ok') fail('I5', 'canary before staging succeeded');
  if (c.stage === 'rollback' && book.deploys.canary === undefined) fail('rollback', 'a rollback of nothing');
  if (c.stage === 'production') checkProduction(t, book, gatesPassed);
  return withBook(ledger, c.rolloutId, (b) => ({
    ...b,
    lastEpoch: c.epoch,
    productionStarts: b.productionStarts + (c.stage === 'production' ? 1 : 0),
    deploys: { ...b.deploys, [c.stage]: { epoch: c.epoch, status: 'claimed' } },
  }));
}

function checkProduction(t: Transition, book: RolloutBook, gatesPassed: boolean): void {
  const e = t.event;
  const why = (m: string) => fail('I1', `production started although ${m}`);
  if (book.productionStarts > 0) fail('I2', 'a second production StartDeploy for one rollout');
  if (e.type !== 'PreflightCompleted') return why(`the trigger was ${e.type}, not a preflight`);
  const f = e.facts;
  if (f.headSha !== book.sha) why(`the head moved to ${f.headSha}`);
  if (f.canary !== 'healthy') why(`the preflight canary was ${f.canary}`);
  if (f.freeze !== null || t.pre?.freeze) why('the repository is frozen');
  if (!f.windowOpen) why('the deploy window is closed');
  if (!gatesPassed) why('a gate has not passed');
  if (book.deploys.staging?.status !== 'ok' || book.deploys.canary?.status !== 'ok') why('staging/canary not ok');
  if (book.verdict !== 'healthy') why(`the canary verdict is ${book.verdict}`);
  const pr = preRollout(t, (e as { rolloutId: string }).rolloutId)?.pr;
  const approvers = book.approvers.filter((u) => pr !== undefined && t.oracle.eligible(u, pr));
  if (!t.oracle.quorum(approvers)) why(`approvers ${approvers.join(',')} are no quorum`);
  if (book.stopped) why('an authorized human stopped it');
  if (book.quorumAt === null || e.at < book.quorumAt + t.policy.timeLockMs) why('the time lock has not run out');
  // Issue 5: the lock does not count while the canary is inconclusive, so production comes a full
  // lock of undoubted canary after the quorum.
  if (book.pausedSince !== null) why('the canary is in doubt');
  if (e.at < (book.quorumAt ?? 0) + t.policy.timeLockMs + book.pausedMs) why('the lock ran partly while paused');
}

/** The time lock runs from the moment the clicks (still) make a quorum under the policy in force. */
function noteQuorum(t: Transition, ledger: Ledger): Ledger {
  let out = ledger;
  for (const r of t.post?.rollouts ?? []) {
    const book = out[r.id];
    if (book === undefined || TERMINAL.has(r.phase)) continue;
    const quorum = t.oracle.quorum(book.approvers.filter((u) => t.oracle.eligible(u, r.pr)));
    if (quorum === (book.quorumAt !== null)) continue;
    const at = t.event.at;
    const pausedSince = quorum && book.verdict === 'inconclusive' ? at : null;
    out = { ...out, [r.id]: { ...book, quorumAt: quorum ? at : null, pausedMs: 0, pausedSince } };
  }
  return out;
}

/** Fail closed (I5): a rollout is never further along the chain than its evidence allows. */
function checkRollout(t: Transition, ledger: Ledger, r: Rollout): void {
  const book = ledger[r.id];
  if (book === undefined) return fail('ledger', `no book for ${r.id}`);
  const rank = RANK[r.phase];
  const where = `${r.id} in ${r.phase}`;
  if (r.phase === 'rolled_back' && book.deploys.rollback?.status !== 'ok') fail('I5', `${where} without a rollback`);
  if (rank === undefined) return;
  const passed = (phase: string) =>
    t.policy.gates.filter((g) => g.phase === phase).every((g) => book.gates[g.id]?.status === 'passed');
  if (rank >= 1 && !passed('reviewing')) fail('I5', `${where} before every reviewing gate passed`);
  if (rank >= 2 && !passed('testing')) fail('I5', `${where} before every testing gate passed`);
  if (rank >= 3 && book.deploys.staging?.status !== 'ok') fail('I5', `${where} before staging succeeded`);
  if (rank >= 4 && book.deploys.canary?.status !== 'ok') fail('I5', `${where} before the canary deploy succeeded`);
  const before = preRollout(t, r.id);
  const entered = before === undefined || (RANK[before.phase] ?? 0) < 4;
  if (rank >= 4 && entered && book.verdict !== 'healthy') fail('I5', `${where} with canary ${book.verdict}`);
  // Level-triggered: a rollout re-checks its quorum (under the policy in force) on its own events.
  const addressed = 'rolloutId' in t.event && t.event.rolloutId === r.id;
  if (r.phase === 'time_locked' && addressed && book.quorumAt === null) fail('I1', `${where} without a quorum`);
  if (rank >= 6 && book.productionStarts !== 1) fail('I2', `${where} with ${book.productionStarts} production starts`);
  if (r.phase === 'deployed' && !book.verified) fail('I5', `${where} without a passed verification`);
  checkPause(r, book, where);
}

/** A paused lock has no deadline to run out, and only the canary's doubt pauses it (issue 5). */
function checkPause(r: Rollout, book: RolloutBook, where: string): void {
  if (r.lockPaused === undefined || TERMINAL.has(r.phase)) return;
  if (r.phase !== 'time_locked') fail('pause', `${where} with a paused lock`);
  if (r.unlockAt !== null) fail('pause', `${where} paused, yet it unlocks at ${r.unlockAt}`);
  if (book.verdict !== 'inconclusive') fail('pause', `${where} paused with canary ${book.verdict}`);
}

/** I6: folding the path's events gives the same state, byte for byte. */
export function sameState(a: PullRequestState | null, b: PullRequestState | null): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The oracle of a policy, written without `approvals.ts`: eligibility by set membership, quorum by
 * brute-force search over which approver takes which group seat.
 */
export function oracleFor(policy: Policy): Oracle {
  const a = policy.approvals;
  const named = (u: string) => a.approvers.includes(u) || a.groups.some((g) => g.members.includes(u));
  const logins = (u: string) => policy.people.filter((p) => p.slack === u).map((p) => p.github.toLowerCase());
  const seats = a.groups.flatMap((g) => Array.from({ length: Math.max(0, g.quorum) }, () => g.members));
  return {
    eligible(user, pr) {
      const wrote = new Set([pr.author, ...pr.commitAuthors].map((x) => x.toLowerCase()));
      const mine = logins(user);
      return named(user) && mine.length > 0 && mine.every((l) => !wrote.has(l));
    },
    mayStop(user, pr) {
      return named(user) || logins(user).includes(pr.author.toLowerCase());
    },
    quorum(users) {
      if (new Set(users).size < Math.max(1, a.required)) return false;
      const seat = (i: number, used: ReadonlySet<string>): boolean => {
        if (i === seats.length) return true;
        return users.some((u) => !used.has(u) && seats[i]?.includes(u) === true && seat(i + 1, new Set([...used, u])));
      };
      return seat(0, new Set());
    },
  };
}
