import { isNamedApprover, maySteer } from '../../core/approvals.ts';
import { explainRollout } from '../../core/explain-rollout.ts';
import type { RiskIncidentRecorded } from '../../core/risk/ledger-types.ts';
import type { Event, Policy, PullRequestState, Rollout } from '../../core/types.ts';
import type { SlackMessage } from '../../render/blocks.ts';
import { mentionUser } from '../../render/mention-user.ts';
import { safeMrkdwn } from '../../render/mrkdwn.ts';
import { renderHelp, renderUsage } from '../../render/render-help.ts';
import { renderList } from '../../render/render-list.ts';
import { renderNotice } from '../../render/render-notice.ts';
import { renderStatus, type StatusItem } from '../../render/render-status.ts';
import { renderWhy } from '../../render/render-why.ts';
import { codeId } from '../../render/short-sha.ts';
import type { Store } from '../../shell/ports.ts';
import { toPrKey } from '../../shell/ports.ts';
import type { Freezes } from '../db/create-freezes.ts';
import type { RolloutIndex } from '../db/create-rollout-index.ts';
import type { RiskCommands } from '../risk/create-risk-commands.ts';
import { answerRisk } from './answer-risk-command.ts';
import type { CommandTarget, SlashCommand, UsageProblem } from './parse-slash-command.ts';

/** The reads an answer needs; all are SQLite reads of a few milliseconds, done before the ack. */
export interface AnswerReads {
  readonly store: Pick<Store, 'findPrKeyByRollout' | 'loadPullRequest'>;
  readonly rollouts: RolloutIndex;
  readonly freezes: Freezes;
  readonly policyFor: (repo: string) => Policy;
  /** The repository whose deploy channel this is (config), or null. */
  readonly repoForChannel: (channel: string) => string | null;
  /** Whether shiplock gates this repository (config). */
  readonly isKnownRepo: (repo: string) => boolean;
  /** The delegation-risk ledger (issue #7); absent: `/shiplock risk` says it is not measured. */
  readonly risk?: RiskCommands;
}

/** The ephemeral answer, and the writes to make after the ack (events for the core, the freeze row). */
export interface Answer {
  readonly message: SlackMessage;
  readonly after: readonly AfterAck[];
}

/** A write performed after the ack, in order. */
export type AfterAck =
  | { readonly kind: 'event'; readonly event: Event; readonly replyTo?: { readonly rolloutId: string } }
  | { readonly kind: 'freeze_set'; readonly repo: string; readonly reason: string }
  | { readonly kind: 'freeze_clear'; readonly repo: string }
  | { readonly kind: 'risk_incident'; readonly incident: RiskIncidentRecorded }
  | { readonly kind: 'risk_ack'; readonly reason: string };

/** Who typed the command, where, and when. */
export interface Asker {
  readonly user: string;
  readonly channel: string;
  readonly at: number;
}

/** How many active rollouts a command reads at most. */
const ACTIVE_SCAN = 200;

const USAGE_LEAD: Readonly<Record<UsageProblem['code'], string>> = {
  empty: 'Tell shiplock what to do:',
  unknown_subcommand: "shiplock didn't understand that. It knows:",
  missing_target: 'Name the rollout: a pull request as `owner/repo#N` or a rollout id.',
  bad_target: 'That is not a pull request (`owner/repo#N`) or a rollout id.',
  bad_freeze: 'Freeze takes `on` or `off`, then optionally `owner/repo`, then (for `on`) a reason.',
  bad_incident:
    'An incident takes a component (optionally `.mode`), the damage in dollars and what happened: `/shiplock incident security_scanner 12000 missed an injection in the login form`.',
  bad_risk:
    '`/shiplock risk` shows the report; `/shiplock risk ack &lt;reason&gt;` lifts the step-down and needs a reason.',
  too_long: 'That command is too long for shiplock to read.',
};

const notice = (text: string): Answer => ({ message: renderNotice(text), after: [] });

/**
 * Answers one parsed `/shiplock` command from the store's current state. Decisions stay the core's:
 * cancel becomes a `CancelRequested` event whose verdict arrives as its own ephemeral reply; only
 * the freeze's authorization (a named approver of the repository) is checked here, because a
 * freeze is not a rollout action the core decides.
 */
export function answerSlashCommand(command: SlashCommand, asker: Asker, reads: AnswerReads): Answer {
  switch (command.kind) {
    case 'help':
      return { message: renderHelp(), after: [] };
    case 'usage':
      return { message: renderUsage(USAGE_LEAD[command.problem.code]), after: [] };
    case 'risk':
    case 'risk_ack':
    case 'incident':
      return answerRisk(command, asker, reads.risk);
    case 'list':
      return { message: renderList(activeRollouts(reads).map((i) => i.rollout)), after: [] };
    case 'status': {
      if (command.target === null) return { message: renderStatus(ownItems(asker, reads), asker.at), after: [] };
      const found = resolve(command.target, reads);
      if (found === null) return unknown(command.target);
      const item = { ...found, policy: reads.policyFor(found.rollout.pr.repo) };
      return { message: renderStatus([item], asker.at), after: [] };
    }
    case 'why': {
      const found = resolve(command.target, reads);
      if (found === null) return unknown(command.target);
      const policy = reads.policyFor(found.rollout.pr.repo);
      const conditions = explainRollout(found.state, found.rollout, policy, asker.at);
      return { message: renderWhy(found.rollout, conditions, policy), after: [] };
    }
    case 'cancel': {
      const found = resolve(command.target, reads);
      if (found === null) return unknown(command.target);
      const { rollout } = found;
      const event: Event = { type: 'CancelRequested', at: asker.at, rolloutId: rollout.id, user: asker.user };
      return {
        message: renderNotice(`Cancel asked for rollout ${codeId(rollout.id)}; shiplock answers here in a moment.`),
        after: [{ kind: 'event', event, replyTo: { rolloutId: rollout.id } }],
      };
    }
    case 'freeze_on':
    case 'freeze_off':
      return answerFreeze(command, asker, reads);
  }
}

function answerFreeze(
  command: Extract<SlashCommand, { kind: 'freeze_on' | 'freeze_off' }>,
  asker: Asker,
  reads: AnswerReads,
): Answer {
  const repo = command.repo ?? reads.repoForChannel(asker.channel);
  if (repo === null)
    return notice('Name the repository: `/shiplock freeze on owner/repo reason` (this is no deploy channel).');
  const shown = `*${safeMrkdwn(repo, 120)}*`;
  if (!reads.isKnownRepo(repo)) return notice(`shiplock does not gate ${shown}, so there is nothing to freeze.`);
  if (!isNamedApprover(reads.policyFor(repo), asker.user)) {
    return notice(`Only named approvers of ${shown} may freeze or unfreeze its deploys; nothing changed.`);
  }
  const current = reads.freezes.get(repo);
  if (command.kind === 'freeze_off') {
    if (current === null) return notice(`${shown} is not frozen; nothing changed.`);
    return {
      message: renderNotice(`Freeze lifted on ${shown}: held deploys go ahead at their next preflight.`),
      after: [{ kind: 'freeze_clear', repo }],
    };
  }
  const reason = command.reason.trim() === '' ? 'no reason given' : safeMrkdwn(command.reason, 500);
  return {
    message: renderNotice(
      `${shown} is frozen by ${mentionUser(asker.user) ?? 'you'}: ${reason}. No production deploy starts until \`/shiplock freeze off\`.`,
    ),
    after: [{ kind: 'freeze_set', repo, reason: command.reason.trim() }],
  };
}

function unknown(target: CommandTarget): Answer {
  const name =
    target.kind === 'pr' ? `*${safeMrkdwn(`${target.repo}#${target.number}`, 140)}*` : codeId(target.rolloutId);
  return notice(`shiplock knows no rollout for ${name}. \`/shiplock list\` shows the active ones.`);
}

interface Found {
  readonly state: PullRequestState;
  readonly rollout: Rollout;
}

/** A rollout id names one rollout; a pull request names its newest rollout. */
function resolve(target: CommandTarget, reads: AnswerReads): Found | null {
  if (target.kind === 'pr') {
    const state = reads.store.loadPullRequest(toPrKey(target.repo, target.number));
    const rollout = state?.rollouts.at(-1);
    return state == null || rollout === undefined ? null : { state, rollout };
  }
  const prKey = reads.store.findPrKeyByRollout(target.rolloutId);
  const state = prKey === null ? null : reads.store.loadPullRequest(prKey);
  const rollout = state?.rollouts.find((r) => r.id === target.rolloutId);
  return state == null || rollout === undefined ? null : { state, rollout };
}

function activeRollouts(reads: AnswerReads): StatusItem[] {
  const states = new Map<string, PullRequestState | null>();
  const items: StatusItem[] = [];
  for (const ref of reads.rollouts.active(ACTIVE_SCAN)) {
    if (!states.has(ref.prKey)) states.set(ref.prKey, reads.store.loadPullRequest(ref.prKey));
    const state = states.get(ref.prKey);
    const rollout = state?.rollouts.find((r) => r.id === ref.rolloutId);
    if (state == null || rollout === undefined) continue;
    items.push({ state, rollout, policy: reads.policyFor(rollout.pr.repo) });
  }
  return items;
}

/** The active rollouts of this channel's repository, and those the asker can steer (approve, cancel). */
function ownItems(asker: Asker, reads: AnswerReads): StatusItem[] {
  const channelRepo = reads.repoForChannel(asker.channel);
  return activeRollouts(reads).filter(
    (i) => i.rollout.pr.repo === channelRepo || maySteer(i.policy, i.rollout.pr, asker.user),
  );
}
