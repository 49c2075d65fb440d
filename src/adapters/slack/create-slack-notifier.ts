import type { WebClient } from '@slack/web-api';
import { stillEligible } from '../../core/approvals.ts';
import { resolutionOf } from '../../core/decide-resolution.ts';
import type {
  CanaryAlert,
  Policy,
  PullRequestState,
  ReplyEphemeral,
  Rollout,
  ThreadMessage,
} from '../../core/types.ts';
import {
  type CardSettings,
  renderCanaryAlert,
  renderCard,
  renderReply,
  renderRollbackFailedAlert,
  renderThreadMessage,
  type SlackMessage,
  toCanaryAlertView,
  toCardView,
} from '../../render/index.ts';
import type { Clock, Notifier } from '../../shell/ports.ts';
import type { AlertRefs } from './create-alert-refs.ts';
import type { CardRef, CardRefs } from './create-card-refs.ts';

/** What the Slack notifier is built from. */
export interface SlackNotifierOptions {
  /** A client made with `rejectRateLimitedCalls: true`: a 429 throws and the outbox retries later. */
  readonly client: WebClient;
  readonly refs: CardRefs;
  readonly clock: Clock;
  readonly policyFor: (repo: string) => Policy;
  /** The deploy channel of a repository (config). */
  readonly channelFor: (repo: string) => string;
  /** Where the user last acted on the rollout (the click's or the command's channel). */
  readonly replyChannel: (user: string, rolloutId: string) => string | null;
  /** What a gate run or deploy script left for the thread (run records); none when absent. */
  readonly detailsFor?: (rollout: Rollout, message: ThreadMessage) => string | null;
  /** Installation facts every card shows (`sandbox: none`). */
  readonly cardSettings?: CardSettings;
  /** Where each alert's message was posted (`createAlertRefs`); kept in memory when absent. */
  readonly alertRefs?: AlertRefs;
  /** The alerts channel of a repository (config `alertsChannel`); the deploy channel when absent. */
  readonly alertsChannelFor?: (repo: string) => string;
}

/** The notifier, plus where a rollout's card can be opened (for GitHub's check runs and deployments). */
export interface SlackNotifier extends Notifier {
  /** The card's permalink once known (fetched right after the card is posted); undefined before. */
  cardUrl(rolloutId: string): string | undefined;
  /** Posts a message of shiplock's own that belongs to no rollout (the risk warning), unfurls off. */
  post(channel: string, message: SlackMessage): Promise<void>;
}

/** Slack unfurls links by fetching them, a leak path for untrusted text (REFERENCES.md). */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/**
 * The `Notifier` port on Slack's Web API: one card per rollout, posted once and then updated in
 * place, details in its thread, refusals as ephemeral messages. Calls for one rollout run one
 * after another, so the card is never posted twice and the thread follows it.
 */
export function createSlackNotifier(options: SlackNotifierOptions): SlackNotifier {
  const { client, refs, clock, policyFor, channelFor, replyChannel } = options;
  const detailsFor = options.detailsFor ?? (() => null);
  const cardSettings = options.cardSettings ?? {};
  const queues = new Map<string, Promise<unknown>>();
  const alertRefs = options.alertRefs ?? createMemoryAlertRefs();
  const alertsChannelFor = options.alertsChannelFor ?? channelFor;

  function serial<T>(rolloutId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(rolloutId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.set(rolloutId, next);
    // Not `finally`: its promise would reject with the call's error and nobody would handle it.
    const forget = () => {
      if (queues.get(rolloutId) === next) queues.delete(rolloutId);
    };
    next.then(forget, forget);
    return next;
  }

  const permalinks = new Map<string, string>();

  /** The permalink of a rollout's card, once it has one (cached: a permalink never changes). */
  async function permalinkOf(rolloutId: string): Promise<string | undefined> {
    const cached = permalinks.get(rolloutId);
    if (cached !== undefined) return cached;
    const ref = refs.get(rolloutId);
    if (ref === null) return undefined;
    const answer = await client.chat.getPermalink({ channel: ref.channel, message_ts: ref.ts });
    if (typeof answer.permalink === 'string') permalinks.set(rolloutId, answer.permalink);
    return answer.permalink;
  }

  async function publish(state: PullRequestState, rollout: Rollout): Promise<CardRef> {
    const policy = policyFor(rollout.pr.repo);
    const reason = rollout.ended?.reason;
    const newCardUrl = reason?.code === 'superseded_by' ? await permalinkOf(reason.rolloutId) : undefined;
    const settings = newCardUrl === undefined ? cardSettings : { ...cardSettings, newCardUrl };
    const message = renderCard(toCardView(state, rollout, policy, clock.now(), settings));
    const ref = refs.get(rollout.id);
    if (ref !== null) {
      await client.chat.update({ channel: ref.channel, ts: ref.ts, ...message });
      return ref;
    }
    const channel = channelFor(rollout.pr.repo);
    const posted = await client.chat.postMessage({ channel, ...message, ...NO_UNFURL });
    const created = { channel: posted.channel ?? channel, ts: String(posted.ts) };
    refs.set(rollout.id, created, clock.now());
    linkSuperseded(state, rollout.id);
    permalinkOf(rollout.id).catch(() => undefined); // only a link for GitHub; the card is posted
    return created;
  }

  /** The cards this new card supersedes were updated before it existed: link them to it now. */
  function linkSuperseded(state: PullRequestState, newRolloutId: string): void {
    for (const old of state.rollouts) {
      const reason = old.ended?.reason;
      if (reason?.code !== 'superseded_by' || reason.rolloutId !== newRolloutId || refs.get(old.id) === null) continue;
      void serial(old.id, () => publish(state, old)).catch(() => undefined); // a missing link is cosmetic
    }
  }

  /** One message per alert: posted once in the alerts channel, then updated in place. */
  async function publishAlert(rollout: Rollout, alert: CanaryAlert): Promise<void> {
    const message = renderCanaryAlert(toCanaryAlertView(rollout, alert));
    const ref = alertRefs.get(rollout.id, alert.id);
    if (ref !== null) {
      await client.chat.update({ channel: ref.channel, ts: ref.ts, ...message });
      return;
    }
    const channel = alertsChannelFor(rollout.pr.repo);
    const posted = await client.chat.postMessage({ channel, ...message, ...NO_UNFURL });
    alertRefs.set(rollout.id, alert.id, { channel: posted.channel ?? channel, ts: String(posted.ts) }, clock.now());
  }

  /** A failed production rollback: one message in the alerts channel, linking the card (issue #6). */
  async function alertRollbackFailed(state: PullRequestState, rollout: Rollout): Promise<void> {
    const cardUrl = await permalinkOf(rollout.id).catch(() => undefined); // the message goes out without it
    const resolution = resolutionOf(state, rollout.id);
    const message = renderRollbackFailedAlert({ rollout, resolution, ...(cardUrl === undefined ? {} : { cardUrl }) });
    await client.chat.postMessage({ channel: alertsChannelFor(rollout.pr.repo), ...message, ...NO_UNFURL });
  }

  async function postEphemeral(channel: string, user: string, message: SlackMessage): Promise<void> {
    await client.chat.postEphemeral({ channel, user, ...message });
  }

  return {
    cardUrl: (rolloutId) => permalinks.get(rolloutId),
    post: async (channel, message) => {
      await client.chat.postMessage({ channel, ...message, ...NO_UNFURL });
    },
    publishCard: (state, rollout) => serial(rollout.id, () => publish(state, rollout)).then(() => undefined),
    postThread: (state: PullRequestState, rollout: Rollout, message: ThreadMessage) =>
      serial(rollout.id, async () => {
        const card = refs.get(rollout.id) ?? (await publish(state, rollout));
        const details = detailsFor(rollout, message);
        const body = renderThreadMessage(message, {
          state,
          rollout,
          policy: policyFor(rollout.pr.repo),
          ...(details === null ? {} : { details }),
        });
        await client.chat.postMessage({ channel: card.channel, thread_ts: card.ts, ...body, ...NO_UNFURL });
      }),
    replyEphemeral: async (command: ReplyEphemeral, state: PullRequestState | null) => {
      const rollout = state?.rollouts.find((r) => r.id === command.rolloutId);
      const channel =
        replyChannel(command.user, command.rolloutId) ??
        (rollout === undefined ? null : (refs.get(rollout.id)?.channel ?? channelFor(rollout.pr.repo)));
      if (channel === null) return; // nowhere the user could see it; the click was logged
      const eligible =
        rollout === undefined ? [] : stillEligible(policyFor(rollout.pr.repo), rollout.pr, rollout.approvals);
      await postEphemeral(channel, command.user, renderReply(command.reply, { eligible }));
    },
    publishAlert: (_state: PullRequestState, rollout: Rollout, alert: CanaryAlert) =>
      serial(`alert:${rollout.id}:${alert.id}`, () => publishAlert(rollout, alert)),
    alertRollbackFailed: (state: PullRequestState, rollout: Rollout) =>
      serial(rollout.id, () => alertRollbackFailed(state, rollout)),
  };
}

/** Alert message references for a notifier built without a database (tests, the demo). */
function createMemoryAlertRefs(): AlertRefs {
  const refs = new Map<string, CardRef>();
  return {
    get: (rolloutId, alertId) => refs.get(`${rolloutId}\u0000${alertId}`) ?? null,
    set: (rolloutId, alertId, ref) => {
      refs.set(`${rolloutId}\u0000${alertId}`, ref);
    },
  };
}
