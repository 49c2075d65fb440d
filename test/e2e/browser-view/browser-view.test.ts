import { WebClient } from '@slack/web-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserView, startBrowserView } from '../../../src/sandbox/browser-view/index.ts';
import { prAt, SHA_A } from '../../support/core-fixtures.ts';
import { DEPLOY_CHANNEL, type SlackHarness, startSlackHarness } from '../../support/start-slack-harness.ts';
import { launchChromium } from './launch-chromium.ts';

/**
 * The browser view end to end: the real Bolt receiver, shell and SQLite behind the Slack stand-in,
 * and Debian's chromium clicking the page as a person would. The machine may be loaded: every wait
 * is generous, none is a sleep.
 */
const WAIT = { timeout: 60_000 };

let browser: Browser;
let harness: SlackHarness;
let view: BrowserView;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  harness = await startSlackHarness({ secret: 'browser-view-signing-secret' });
  view = await startBrowserView({ slack: harness.slack });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.setDefaultTimeout(WAIT.timeout);
}, 120_000);

afterEach(async () => {
  await page?.close();
  await view?.close();
  await harness?.close();
});

const card = () => page.locator('#messages > .message').filter({ has: page.locator('.header') });

async function openPage(user: string): Promise<void> {
  await page.goto(`${view.url}?channel=${DEPLOY_CHANNEL}&user=${user}`);
  await card().first().waitFor(WAIT);
  await page.locator(`body[data-user="${user}"]`).waitFor({ state: 'attached', ...WAIT });
}

/** Picks `user` and waits until the page shows the channel as they see it. */
async function actAs(user: string): Promise<void> {
  await page.selectOption('#user', user);
  await page.locator(`body[data-user="${user}"]`).waitFor({ state: 'attached', ...WAIT });
}

/** Clicks a card button and answers its confirm dialog (or backs out), as a person would. */
async function clickOnCard(label: string, answer: 'confirm' | 'deny' | 'none'): Promise<void> {
  await card().getByRole('button', { name: label, exact: true }).click();
  if (answer === 'none') return;
  const dialog = page.locator('#confirm');
  await dialog.waitFor({ state: 'visible', ...WAIT });
  await dialog.locator(answer === 'confirm' ? '.confirm-ok' : '.confirm-deny').click();
  await dialog.waitFor({ state: 'hidden', ...WAIT });
}

const ephemeral = (text: RegExp) => page.locator('.message.ephemeral').filter({ hasText: text });

// A loaded 2-core CI machine runs chromium next to other suites: far above the config's 60 s default.
describe('the browser view', { timeout: 180_000 }, () => {
  it('approve to quorum through the page: two approvers confirm, and the countdown appears on the card', async () => {
    const ts = await harness.openAwaitingApproval();
    await openPage('UBOB');
    await expect(card().locator('.header').textContent()).resolves.toBe('acme/api #7 Make it faster');

    // Backing out of the confirm dialog sends nothing.
    await clickOnCard('Approve', 'deny');
    await harness.shell.idle();
    expect(harness.rollout().approvals).toEqual([]);
    expect(harness.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

    await clickOnCard('Approve', 'confirm');
    await ephemeral(/Your approval is recorded/).waitFor(WAIT);
    await card()
      .filter({ hasText: /Approvals\s*1 of 2/ })
      .waitFor(WAIT);

    await actAs('UCAROL');
    await expect(ephemeral(/Your approval is recorded/).count()).resolves.toBe(0); // bob's, not carol's
    await clickOnCard('Approve', 'confirm');

    const timing = card().locator('[data-block-id="shiplock.timing"]').filter({ hasText: 'Time lock' });
    const countdown = timing.locator('.countdown');
    await countdown.waitFor(WAIT);
    expect(await countdown.textContent()).toMatch(/^in 1[45]m \d+s$/);
    expect(harness.rollout().phase).toBe('time_locked');
    expect(harness.rollout().approvals.map((a) => a.user)).toEqual(['UBOB', 'UCAROL']);
    // The same card, updated in place: one message, now with Cancel and without Approve.
    await expect(card().count()).resolves.toBe(1);
    await card().getByRole('button', { name: 'Cancel rollout' }).waitFor(WAIT);
    await expect(card().getByRole('button', { name: 'Approve', exact: true }).count()).resolves.toBe(0);
    expect(harness.slack.messages(DEPLOY_CHANNEL).map((m) => m.ts)).toEqual([ts]);

    // It counts down live, without a reload.
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: WAIT.timeout, interval: 250 }).not.toBe(first);

    // The thread opens under its card.
    await card().locator('details.thread > summary').click();
    await card().locator('details.thread .message').first().waitFor(WAIT);
  });

  it("a refused click shows the bot's ephemeral refusal to that user only", async () => {
    await harness.openAwaitingApproval();
    await openPage('UAUTHOR');
    await clickOnCard('Approve', 'confirm');
    const refusal = ephemeral(/You wrote part of this change/);
    await refusal.waitFor(WAIT);
    await expect(refusal.locator('.only-you').textContent()).resolves.toBe('Only visible to you');
    expect(harness.rollout().approvals).toEqual([]);
    await actAs('UBOB');
    await refusal.waitFor({ state: 'detached', ...WAIT });
  });

  it('shows hostile PR text as text: no script runs, no element is injected', async () => {
    const title = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> *bold* <@UBOB>';
    harness.shell.handle({ type: 'PullRequestOpened', at: Date.now(), pr: { ...prAt(SHA_A), title }, rolloutId: 'r1' });
    await harness.shell.idle();
    // Defence in depth: the same title posted past shiplock's escaping, raw in plain_text and in mrkdwn
    // (only Slack's three entities escaped, as Slack requires), so the page alone must keep it text.
    const client = new WebClient(harness.slack.bot.token, { slackApiUrl: harness.slack.apiUrl });
    const slackEscaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    await client.chat.postMessage({
      channel: DEPLOY_CHANNEL,
      text: slackEscaped,
      blocks: [
        { type: 'header', block_id: 'raw.header', text: { type: 'plain_text', text: title } },
        { type: 'section', block_id: 'raw.section', text: { type: 'mrkdwn', text: slackEscaped } },
      ],
    });
    await openPage('UBOB');
    await page.locator('[data-block-id="raw.section"]').waitFor(WAIT);

    // shiplock's card: its plain_text escaping swaps `<>` for look-alikes and adds invisible joiners.
    const header = (await card().first().locator('.header').textContent()) ?? '';
    expect(header.replace(/[\u200B\u2060]/g, '')).toBe(`acme/api #7 ${title.replace(/</g, '‹').replace(/>/g, '›')}`);
    // The raw message: exactly the characters typed.
    await expect(page.locator('[data-block-id="raw.header"]').textContent()).resolves.toBe(title);
    const section = (await page.locator('[data-block-id="raw.section"]').textContent()) ?? '';
    expect(section).toBe('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> bold <@UBOB>');
    await expect(page.locator('[data-block-id="raw.section"] b').textContent()).resolves.toBe('bold');
    await expect(page.locator('#messages img, #messages script').count()).resolves.toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  });

  it('Reject opens the modal; an empty reason is refused in the modal, a reason rejects the rollout', async () => {
    await harness.openAwaitingApproval();
    await openPage('UBOB');
    await clickOnCard('Reject…', 'none');
    const modal = page.locator('#modal .modal-card');
    await modal.waitFor(WAIT);
    await modal.locator('.modal-submit').click();
    await modal.locator('.input-error').filter({ hasText: /./ }).waitFor(WAIT);
    expect(harness.rollout().phase).toBe('awaiting_approval');
    await modal.locator('.view-input').fill('p99 regression in staging');
    await modal.locator('.modal-submit').click();
    await modal.waitFor({ state: 'detached', ...WAIT });
    await harness.shell.idle();
    expect(harness.rollout().phase).toBe('rejected');
    expect(harness.rollout().ended?.reason).toEqual({
      code: 'rejected_by',
      user: 'UBOB',
      reason: 'p99 regression in staging',
    });
  });
});
