import type { Rollout } from '../../../src/core/types.ts';
import { ACTION_ID } from '../../../src/render/index.ts';
import type { CrashCase } from './crash-plan.ts';
import { APPROVERS, type CrashWorld, DEPLOY_CHANNEL, PEOPLE } from './create-crash-world.ts';
import { settleWithin } from './settle-within.ts';

/** A click or a webhook delivery without an answer by then counts as unanswered (status null). */
export const REQUEST_TIMEOUT_MS = 10_000;
/** A person clicks again when a click answered 200 changed nothing within this long. */
const RECLICK_MS = 1500;

/** One click of a person, with the bot's answer (null: no answer, the bot was down or died). */
export interface Click {
  readonly user: string;
  readonly action: 'approve' | 'cancel';
  readonly life: number;
  readonly status: number | null;
  /** Wall-clock time of the answer. */
  readonly answeredAt: number;
}

/** What the parent, playing GitHub and the people, has done so far in a case. */
export interface Driver {
  delivered: boolean;
  webhookInFlight: boolean;
  lastWebhookAt: number;
  readonly inFlight: Set<string>;
  readonly lastClickAt: Map<string, number>;
  readonly clicks: Click[];
}

export const createDriver = (): Driver => ({
  delivered: false,
  webhookInFlight: false,
  lastWebhookAt: 0,
  inFlight: new Set(),
  lastClickAt: new Map(),
  clicks: [],
});

function hasAction(node: unknown, actionId: string): boolean {
  if (Array.isArray(node)) return node.some((n) => hasAction(n, actionId));
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  if (record.action_id === actionId) return true;
  return Object.values(record).some((v) => typeof v === 'object' && hasAction(v, actionId));
}

function click(world: CrashWorld, driver: Driver, life: number, user: string, action: Click['action']): void {
  const key = `${user} ${action}`;
  const last = driver.lastClickAt.get(key) ?? 0;
  if (driver.inFlight.has(key) || Date.now() - last < RECLICK_MS) return;
  const actionId = action === 'approve' ? ACTION_ID.approve : ACTION_ID.cancel;
  // The newest card with the button: a crash between posting a card and recording it posts another.
  const card = [...world.slack.messages(DEPLOY_CHANNEL)].reverse().find((m) => hasAction(m.blocks, actionId));
  if (card === undefined) return; // The card does not show the button yet.
  driver.inFlight.add(key);
  driver.lastClickAt.set(key, Date.now());
  // Bounded: undici's own limits are minutes. A click not answered in time counts as unanswered.
  void settleWithin(
    world.slack.clickButton({ user, channel: DEPLOY_CHANNEL, messageTs: card.ts, actionId }),
    REQUEST_TIMEOUT_MS,
  ).then((answer) => {
    const status = answer.kind === 'resolved' ? answer.value.status : null;
    driver.clicks.push({ user, action, life, status, answeredAt: Date.now() });
    driver.inFlight.delete(key);
  });
}

/**
 * One poll's worth of GitHub and the people: delivers the signed `opened` webhook until one is
 * answered 2xx, clicks Approve as each named approver who has not approved, Cancel during the lock
 * when the case asks for it.
 */
export function drive(
  world: CrashWorld,
  driver: Driver,
  url: string,
  life: number,
  rollout: Rollout | undefined,
  c: CrashCase,
) {
  if (!driver.delivered && !driver.webhookInFlight && Date.now() - driver.lastWebhookAt > 250) {
    driver.webhookInFlight = true;
    driver.lastWebhookAt = Date.now();
    void settleWithin(world.sendOpened(url), REQUEST_TIMEOUT_MS).then((answer) => {
      if (answer.kind === 'resolved' && answer.value.status >= 200 && answer.value.status < 300)
        driver.delivered = true;
      driver.webhookInFlight = false;
    });
  }
  if (rollout?.phase === 'awaiting_approval') {
    for (const user of APPROVERS)
      if (!rollout.approvals.some((a) => a.user === user)) click(world, driver, life, user, 'approve');
  }
  if (c.cancel && rollout?.phase === 'time_locked') click(world, driver, life, PEOPLE.bob.slack, 'cancel');
}
