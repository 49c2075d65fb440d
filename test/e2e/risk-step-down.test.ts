import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/adapters/db/verify-audit-log.ts';
import { riskSchema } from '../../src/config/risk-schema.ts';
import { toRiskConfig } from '../../src/config/to-risk-config.ts';
import { ACTION_ID, validateMessage } from '../../src/render/index.ts';
import { POLICY } from '../support/core-fixtures.ts';
import { DEPLOY_CHANNEL, type SlackHarness, startSlackHarness } from '../support/start-slack-harness.ts';

/**
 * Issue #7 end to end through Slack: the real Bolt receiver, the real WebClient against the
 * stand-in, the real shell and ledger on a real SQLite file. Incidents push the canary over its
 * budget; the deploy channel is warned once; a rollout needs one more approver and a doubled
 * lock; a named approver acknowledges; autonomy is back to the configuration.
 */
let harness: SlackHarness;

const LOCK = POLICY.timeLockMs;

beforeEach(async () => {
  harness = await startSlackHarness({
    secret: 'e2e-risk-secret',
    risk: toRiskConfig(riskSchema.parse({})),
    // Three eligible approvers, so the stepped-down quorum of 3 is reachable; the author is named nowhere.
    policy: { ...POLICY, approvals: { ...POLICY.approvals, approvers: ['UBOB', 'UCAROL', 'UDAVE'] } },
  });
});

afterEach(() => harness.close());

async function command(user: string, text: string): Promise<string> {
  const result = await harness.slack.slashCommand({ user, channel: DEPLOY_CHANNEL, text });
  expect(result.status).toBe(200);
  const reply = result.json as { response_type?: string; text?: string; blocks?: unknown[] };
  expect(reply.response_type).toBe('ephemeral');
  expect(validateMessage(reply, 'message')).toEqual([]);
  await harness.shell.idle();
  return `${reply.text ?? ''}\n${JSON.stringify(reply.blocks ?? [])}`;
}

async function approve(user: string, ts: string): Promise<void> {
  await harness.slack.clickButton({ user, channel: DEPLOY_CHANNEL, messageTs: ts, actionId: ACTION_ID.approve });
  await harness.shell.idle();
}

const cards = () => harness.slack.messages(DEPLOY_CHANNEL).filter((m) => !/Delegation risk/.test(m.text ?? ''));
const warnings = () => harness.slack.messages(DEPLOY_CHANNEL).filter((m) => /Delegation risk/.test(m.text ?? ''));

describe('delegation-risk step-down through Slack', () => {
  it('reports the seed, records incidents, warns once, steps down, and is acknowledged back', async () => {
    const seed = await command('UDAVE', 'risk');
    expect(seed).toContain('$1,950.00');
    expect(seed).toContain('of $2,000.00 acceptable');
    expect(seed).toContain('Autonomy:* as configured');
    expect(seed).toContain('trust 0.891');

    // Validation: an outsider, an unknown component, a bad amount.
    expect(await command('UAUTHOR', 'incident canary_analysis 30000 leak')).toMatch(/Only the people/);
    const unknown = await command('UBOB', 'incident kanary 30000 leak');
    expect(unknown).toMatch(/knows no such component/);
    expect(unknown).toContain('canary_analysis');
    expect(await command('UBOB', 'incident canary_analysis lots leak')).toMatch(/damage in dollars/);

    const recorded = await command('UBOB', 'incident canary_analysis $30,000 passed a canary that leaked <!channel>');
    expect(recorded).toMatch(/Incident recorded against `canary_analysis.approves_bad_deploy` \(\$30,000.00\)/);
    expect(recorded).not.toContain('<!channel>');
    // Over budget: the canary and the system each warned once in the deploy channel.
    for (let i = 0; i < 200 && warnings().length < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    const posted = warnings();
    expect(posted.map((m) => m.text)).toEqual([
      expect.stringMatching(/over budget: `canary_analysis`/),
      expect.stringMatching(/over budget: The whole system/),
    ]);
    // A second incident while over is no new crossing: no new warning.
    await command('UCAROL', 'incident canary_analysis 5000 another one');
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings()).toHaveLength(2);
    const report = await command('UBOB', 'risk');
    expect(report).toContain('Autonomy stepped down');
    expect(report).toContain('another one');

    // A rollout now needs three approvers, and its lock is doubled.
    await harness.openAwaitingApproval().catch(() => undefined); // its ts is the channel's first message: a warning
    expect(harness.rollout().phase).toBe('awaiting_approval');
    const ts = cards().at(-1)?.ts ?? '';
    await approve('UBOB', ts);
    await approve('UCAROL', ts);
    expect(harness.rollout().phase).toBe('awaiting_approval');
    await approve('UDAVE', ts);
    const locked = harness.rollout();
    expect(locked.phase).toBe('time_locked');
    expect((locked.unlockAt ?? 0) - (locked.quorumAt ?? 0)).toBe(2 * LOCK);

    // Acknowledgement: an outsider cannot; a named approver can, with a reason.
    expect(await command('UAUTHOR', 'risk ack fine')).toMatch(/Only the people/);
    expect(await command('UBOB', 'risk ack')).toMatch(/needs a reason/);
    expect(await command('UCAROL', 'risk ack canary thresholds tightened after the leak')).toMatch(/Acknowledged/);
    const after = await command('UBOB', 'risk');
    expect(after).toContain('Autonomy:* as configured');
    expect(after).toContain('canary thresholds tightened after the leak');
    expect(await command('UBOB', 'risk ack again')).toMatch(/nothing to acknowledge/);

    // Back to the configuration: two approvers and the configured lock for the next head.
    harness.shell.handle({
      type: 'PullRequestPushed',
      at: Date.now(),
      pr: { ...harness.rollout().pr, sha: 'b'.repeat(40) },
      rolloutId: 'r2',
    });
    await harness.shell.idle();
    const card = cards().at(-1);
    expect(harness.rollout().id).toBe('r2');
    await approve('UBOB', card?.ts ?? '');
    await approve('UCAROL', card?.ts ?? '');
    const relocked = harness.rollout();
    expect(relocked.phase).toBe('time_locked');
    expect((relocked.unlockAt ?? 0) - (relocked.quorumAt ?? 0)).toBe(LOCK);

    // Everything above is in the one hash-chained log, and it verifies.
    expect(verifyAuditLog(harness.db)).toMatchObject({ ok: true });
    const types = harness.db
      .prepare<[], { type: string }>("SELECT type FROM events WHERE pr_key = 'shiplock:risk' ORDER BY seq")
      .all()
      .map((r) => r.type);
    expect(types.filter((t) => t === 'RiskIncidentRecorded')).toHaveLength(2);
    expect(types).toContain('RiskAcknowledged');
  });

  it('shows the report on the Home tab', async () => {
    await harness.slack.openAppHome({ user: 'UBOB' });
    await harness.shell.idle();
    for (let i = 0; i < 200 && harness.slack.homeView('UBOB') === undefined; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const home = JSON.stringify(harness.slack.homeView('UBOB'));
    expect(home).toContain('Delegation risk');
    expect(home).toContain('$1,950.00');
  });
});
