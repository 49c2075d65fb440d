import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_ID } from '../../../src/render/index.ts';
import type { StoredMessage } from '../../../src/sandbox/slack/index.ts';
import {
  type BotHarness,
  createBotHarness,
  DEPLOY_CHANNEL,
  MINUTE,
  PEOPLE,
  testScript,
  textOf,
} from '../../support/start-bot-harness.ts';
import { productionSeries } from '../../support/start-fake-prometheus.ts';

/**
 * Issue #6 through the whole bot: shiplock stops while the production script runs, so after the
 * restart production's outcome is unknown. It is never re-run; the card asks a human to check and
 * answer with signed button clicks — Roll back (the rollback script runs once, the repository is
 * frozen) or Production is fine (recorded, nothing deployed) — and double clicks count once.
 *
 * The crash is simulated the way a power cut leaves the disk: the database files are copied while
 * the production script runs (after its claim committed, before its result), the bot is stopped,
 * and the copy is put back before the restart.
 */
let h: BotHarness;
afterEach(() => h.close());

const files = (n: number) => ({
  'test.sh': testScript({ tests: 3, failures: 0, exit: 0 }),
  'src/app.js': `export const answer = ${40 + n};\n`,
});
const DB_FILES = ['shiplock.db', 'shiplock.db-wal'];

const cardOf = (number: number): StoredMessage | undefined =>
  h.cards().find((m) => textOf(m).includes(`acme/api #${number} Change ${number}`));
const cardSays = (number: number, pattern: RegExp) => () => pattern.test(textOf(cardOf(number)));
const runsOf = (number: number) => h.deploys().filter((d) => d.SHIPLOCK_PR === String(number));
const stagesOf = (number: number) => runsOf(number).map((d) => d.SHIPLOCK_STAGE);
const ephemeralText = (user: string): string =>
  h.slack
    .ephemeralsFor(user)
    .map((e) => e.text)
    .join('\n');

async function click(user: string, actionId: string): Promise<void> {
  const clicked = await h.slack.clickButton({
    user,
    channel: DEPLOY_CHANNEL,
    messageTs: cardOf(1)?.ts ?? '',
    actionId,
  });
  expect(clicked.status).toBe(200);
}

/** PR #1 through its gates, canary, approval and lock; production starts and "the machine dies". */
async function productionOutcomeUnknown(): Promise<void> {
  h = await createBotHarness({ prometheus: productionSeries() });
  const release = join(h.dir, 'release-production');
  const script = join(h.dir, 'deploy', 'production.sh');
  // The production script runs until the test lets it go: the crash image is taken meanwhile.
  writeFileSync(
    script,
    readFileSync(script, 'utf8').replace('exit 0', `while [ ! -f '${release}' ]; do sleep 0.05; done\nexit 0`),
  );
  await h.startReconciled();
  const head = h.origin.commit('change-1', files(1), 'change 1');
  h.openPullRequest(1, head);
  expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
  await h.waitFor('canary of #1', () => stagesOf(1).includes('canary'));
  await h.bot.shell.idle();
  h.advance(20 * MINUTE);
  await h.waitFor('Approve on #1', () => JSON.stringify(cardOf(1)?.blocks ?? []).includes(ACTION_ID.approve));
  await h.bot.shell.idle();
  await click(PEOPLE.bob.slack, ACTION_ID.approve);
  await h.waitFor('time lock of #1', cardSays(1, /[Tt]ime lock/));
  await h.bot.shell.idle();
  h.advance(MINUTE);
  await h.waitFor('the production script of #1 running', () => stagesOf(1).includes('production'));

  // The crash image: what the disk holds while the script runs (better-sqlite3 writes synchronously
  // on this thread, so no transaction is half-written between two turns of the event loop).
  const db = join(h.dir, 'shiplock.db');
  const image = join(h.dir, 'crash-image');
  for (const name of DB_FILES) if (existsSync(join(h.dir, name))) copyFileSync(join(h.dir, name), `${image}.${name}`);
  writeFileSync(release, '');
  await h.bot.shell.idle();
  await h.stop();
  for (const name of [...DB_FILES, 'shiplock.db-shm']) rmSync(join(h.dir, name), { force: true });
  for (const name of DB_FILES) if (existsSync(`${image}.${name}`)) copyFileSync(`${image}.${name}`, join(h.dir, name));
  expect(existsSync(db)).toBe(true);

  await h.start();
  await h.waitFor('the card asks a human', cardSays(1, /Production may or may not have been deployed/));
  await h.bot.shell.idle();
  expect(stagesOf(1)).toEqual(['staging', 'canary', 'production']);
  const blocks = JSON.stringify(cardOf(1)?.blocks ?? []);
  expect(blocks).toContain(ACTION_ID.rollback);
  expect(blocks).toContain(ACTION_ID.confirmProduction);
  expect(blocks).toContain('This runs the rollback script for acme/api #1');
  expect(blocks).toContain('Only confirm after checking production yourself.');
}

describe('a production deploy whose outcome is unknown after a restart (issue #6)', () => {
  it('Roll back: the rollback script runs once (a double click counts once), and production deploys are frozen', async () => {
    await productionOutcomeUnknown();
    const production = runsOf(1).find((d) => d.SHIPLOCK_STAGE === 'production');
    // A double click: two signed clicks at once, one rollback.
    await Promise.all([click(PEOPLE.bob.slack, ACTION_ID.rollback), click(PEOPLE.bob.slack, ACTION_ID.rollback)]);
    await h.waitFor('the rollback of #1', () => stagesOf(1).includes('rollback'));
    await h.waitFor('the frozen notice on the card', cardSays(1, /are now frozen/));
    await h.bot.shell.idle();
    expect(stagesOf(1)).toEqual(['staging', 'canary', 'production', 'rollback']);
    const rollback = runsOf(1).find((d) => d.SHIPLOCK_STAGE === 'rollback');
    expect(Number(rollback?.SHIPLOCK_EPOCH)).toBe(Number(production?.SHIPLOCK_EPOCH) + 1);
    expect(rollback?.SHIPLOCK_IDEMPOTENCY_KEY).toBe(
      `${rollback?.SHIPLOCK_ROLLOUT_ID}:rollback:${rollback?.SHIPLOCK_EPOCH}`,
    );

    const card = textOf(cardOf(1));
    expect(card).toContain(`Roll back chosen* by <@${PEOPLE.bob.slack}>`);
    expect(card).toContain('the rollback script succeeded');
    expect(card).toContain('/shiplock freeze off');
    expect(JSON.stringify(cardOf(1)?.blocks ?? [])).not.toContain(ACTION_ID.confirmProduction);
    expect(ephemeralText(PEOPLE.bob.slack)).toMatch(/Rollback started/);
    expect(ephemeralText(PEOPLE.bob.slack)).toMatch(/already chose \*Roll back\*/);

    const status = await h.slash(PEOPLE.carol.slack, 'status acme/api#1');
    expect(status).toMatch(/frozen by shiplock \(automatically, after a production rollback\)/);
  });

  it('Production is fine: recorded with who, nothing deployed, nothing frozen; later answers are refused', async () => {
    await productionOutcomeUnknown();
    // alice is the author (not a named approver): she may answer too. A double click counts once.
    await Promise.all([
      click(PEOPLE.alice.slack, ACTION_ID.confirmProduction),
      click(PEOPLE.alice.slack, ACTION_ID.confirmProduction),
    ]);
    await h.waitFor('the answer on the card', cardSays(1, /Production checked by hand/));
    await h.bot.shell.idle();
    const card = textOf(cardOf(1));
    expect(card).toContain(`<@${PEOPLE.alice.slack}> confirmed`);
    expect(card).not.toMatch(/are now frozen/);
    const blocks = JSON.stringify(cardOf(1)?.blocks ?? []);
    expect(blocks).not.toContain(ACTION_ID.rollback);
    expect(blocks).not.toContain(ACTION_ID.confirmProduction);
    expect(ephemeralText(PEOPLE.alice.slack)).toMatch(/you checked production and it is fine/);
    expect(ephemeralText(PEOPLE.alice.slack)).toMatch(/already checked production/);
    expect(stagesOf(1)).toEqual(['staging', 'canary', 'production']);
    const thread = h.slack
      .thread(DEPLOY_CHANNEL, cardOf(1)?.ts ?? '')
      .map((m) => textOf(m))
      .join('\n');
    expect(thread).toMatch(/checked production and confirmed/);
    const status = await h.slash(PEOPLE.carol.slack, 'status acme/api#1');
    expect(status).not.toMatch(/frozen by/);
    expect(status).toContain(`Production checked by hand:* <@${PEOPLE.alice.slack}> confirmed`);
    // GitHub's production deployment is not left in_progress: unknown (error), then vouched for.
    await h.waitFor('the production deployment answered', () => {
      const states = productionDeploymentStates();
      return states.at(-1) === 'success' ? states : undefined;
    });
    // (Before them, what the stopped bot reported while the script ran: the copy put back replays it.)
    expect(productionDeploymentStates().slice(-2)).toEqual(['error', 'success']);
  });
});

/** The states GitHub's production deployment of PR 1 went through, oldest first. */
function productionDeploymentStates(): string[] {
  const [deployment, ...more] = h.github.deployments('acme/api').filter((d) => d.production);
  expect(more).toEqual([]);
  return deployment?.statuses.map((s) => s.state) ?? [];
}
