import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_ID, BLOCK_ID, parseAlertButtonValue } from '../../src/render/index.ts';
import {
  ALERTS_CHANNEL,
  DEPLOY_CHANNEL,
  HARNESS_SERVICE,
  type SlackHarness,
  startSlackHarness,
} from '../support/start-slack-harness.ts';

/**
 * Canary alerts end to end: a real Alertmanager payload over real HTTP, the real shell on a real
 * SQLite file, the alert message in the Slack stand-in's alerts channel, and clicks through the real
 * Bolt receiver with real signatures.
 */
let harness: SlackHarness;

beforeEach(async () => {
  harness = await startSlackHarness({ secret: 'e2e-alert-secret' });
});
afterEach(() => harness.close());

/** A capture of a real Alertmanager 0.25 notification, with the labels of a canary alert. */
function notification(n: 2 | 3): string {
  const url = new URL(`../integration/alertmanager/fixtures/alertmanager-webhook-${n}.json`, import.meta.url);
  const { body } = JSON.parse(readFileSync(url, 'utf8')) as { body: { alerts: { labels: object }[] } };
  const alerts = body.alerts.map((a) => ({ ...a, labels: { ...a.labels, service: HARNESS_SERVICE, track: 'canary' } }));
  return JSON.stringify({ ...body, alerts });
}

async function sendAlert(n: 2 | 3): Promise<number> {
  const res = await fetch(harness.alertmanagerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.25.0' },
    body: notification(n),
  });
  await harness.shell.idle();
  return res.status;
}

async function timeLocked(): Promise<void> {
  const ts = await harness.openAwaitingApproval();
  for (const user of ['UBOB', 'UCAROL']) {
    await harness.slack.clickButton({ user, channel: DEPLOY_CHANNEL, messageTs: ts, actionId: ACTION_ID.approve });
    await harness.shell.idle();
  }
  expect(harness.rollout().phase).toBe('time_locked');
}

function alertMessage() {
  const messages = harness.slack.messages(ALERTS_CHANNEL);
  expect(messages).toHaveLength(1);
  const message = messages[0];
  if (message === undefined) throw new Error('no alert message');
  return { message, json: JSON.stringify(message.blocks) };
}

async function click(user: string, actionId: string): Promise<number> {
  const { message } = alertMessage();
  const result = await harness.slack.clickButton({ user, channel: ALERTS_CHANNEL, messageTs: message.ts, actionId });
  await harness.shell.idle();
  return result.status;
}

const ephemeralText = (user: string): string =>
  harness.slack
    .ephemeralsFor(user)
    .map((e) => e.text)
    .join('\n');

describe('canary alerts in the alerts channel', () => {
  it('a firing alert during the time lock cancels the rollout, rolls the canary back and posts the alert message', async () => {
    await timeLocked();
    expect(await sendAlert(2)).toBe(200);
    const rollout = harness.rollout();
    expect(rollout.phase).toBe('cancelled');
    expect(rollout.ended?.reason).toEqual({
      code: 'canary_alert',
      alertId: '4fbdd339671b5011',
      alertName: 'CanaryFailed',
    });
    // The canary rollback ran (its result is absorbed by the ended rollout: a known limit).
    const rollbacks = harness.calls.filter((c) => c.command?.type === 'StartDeploy' && c.command.stage === 'rollback');
    expect(rollbacks).toHaveLength(1);
    const { message, json } = alertMessage();
    expect(message.unfurlLinks).toBe(false);
    expect(message.unfurlMedia).toBe(false);
    expect(json).toContain('Canary alert firing: CanaryFailed');
    expect(json).toContain('This alert cancelled the rollout before production. The canary rollback was started.');
    expect(json).toContain(ACTION_ID.rollback);
    expect(json).toContain(ACTION_ID.acknowledgeAlert);
    expect(JSON.stringify(harness.slack.messages(DEPLOY_CHANNEL)[0]?.blocks)).toContain('CanaryFailed');
  });

  it("the author's Acknowledge is refused with the reason; an eligible approver's updates the message in place", async () => {
    await timeLocked();
    await sendAlert(2);
    expect(await click('UAUTHOR', ACTION_ID.acknowledgeAlert)).toBe(200);
    expect(ephemeralText('UAUTHOR')).toMatch(/wrote part of this change/);
    expect(alertMessage().json).toContain('Not acknowledged yet.');
    expect(await click('UBOB', ACTION_ID.acknowledgeAlert)).toBe(200);
    expect(ephemeralText('UBOB')).toMatch(/acknowledged this alert/);
    const { message, json } = alertMessage();
    expect(json).toMatch(/Acknowledged by <@UBOB>/);
    expect(json).not.toContain(ACTION_ID.acknowledgeAlert);
    expect(harness.slack.callsTo('chat.update').some((c) => JSON.stringify(c).includes(message.ts))).toBe(true);
  });

  it('a resolved alert updates the same message', async () => {
    await timeLocked();
    await sendAlert(2);
    const before = alertMessage().message.ts;
    expect(await sendAlert(3)).toBe(200);
    const { message, json } = alertMessage();
    expect(message.ts).toBe(before);
    expect(json).toContain('Canary alert resolved: CanaryFailed');
    expect(json).not.toContain(ACTION_ID.rollback);
  });

  it('Roll back on the alert message follows the rollback rules: the ended rollout says so', async () => {
    await timeLocked();
    await sendAlert(2);
    expect(await click('UBOB', ACTION_ID.rollback)).toBe(200);
    expect(ephemeralText('UBOB')).toMatch(/already cancelled/);
  });

  it('an outsider cannot acknowledge; a forged alert button is answered and changes nothing', async () => {
    await timeLocked();
    await sendAlert(2);
    await click('UDAVE', ACTION_ID.acknowledgeAlert);
    expect(ephemeralText('UDAVE')).toMatch(/not a named approver/);
    const block = (alertMessage().message.blocks as { block_id?: string }[]).find(
      (b) => b.block_id === BLOCK_ID.alertActions,
    );
    expect(JSON.stringify(block)).toContain('a1|r1|4fbdd339671b5011');
    expect(parseAlertButtonValue('a1|r1|4fbdd339671b5011')).toEqual({ rolloutId: 'r1', alertId: '4fbdd339671b5011' });
    expect(harness.store.loadPullRequest('acme/api#7')?.alerts?.[0]?.acknowledgedBy).toBeNull();
  });
});
