/**
 * The browser view against shiplock's Slack side (real Bolt receiver, shell and SQLite; fake gates
 * and deploys, as in test/e2e/slack-card-flow.test.ts), with one card awaiting approval.
 *
 *   npx tsx scripts/screenshot-browser-view.ts           # approve to quorum, save docs/images/browser-view.png
 *   npx tsx scripts/screenshot-browser-view.ts --serve   # print the page's URL and click it yourself (Ctrl-C ends)
 *
 * The screenshot needs Debian's chromium (apt-get install chromium) and, for emoji, fonts-noto-color-emoji.
 */
import { parseArgs } from 'node:util';
import { ACTION_ID } from '../src/render/index.ts';
import { startBrowserView } from '../src/sandbox/browser-view/index.ts';
import { launchChromium } from '../test/e2e/browser-view/launch-chromium.ts';
import { DEPLOY_CHANNEL, startSlackHarness } from '../test/support/start-slack-harness.ts';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/images/browser-view.png' },
  },
});

const harness = await startSlackHarness({ secret: 'browser-view-signing-secret' });
const ts = await harness.openAwaitingApproval();
const view = await startBrowserView({ slack: harness.slack });
const page = `${view.url}?channel=${DEPLOY_CHANNEL}`;

if (values.serve) {
  console.log(`browser view: ${page}`);
  console.log('Approvers are bob and carol (two needed); the PR is by the author, whose click is refused.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
} else {
  for (const user of ['UBOB', 'UCAROL']) {
    await harness.slack.clickButton({ user, channel: DEPLOY_CHANNEL, messageTs: ts, actionId: ACTION_ID.approve });
    await harness.shell.idle();
  }
  const browser = await launchChromium();
  const tab = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await tab.goto(`${page}&user=UCAROL`);
  await tab.locator('[data-block-id="shiplock.timing"] .countdown').waitFor({ timeout: 60_000 });
  await tab.screenshot({ path: values.out, type: 'png' });
  await browser.close();
  console.log(`saved ${values.out}`);
}
await view.close();
await harness.close();
