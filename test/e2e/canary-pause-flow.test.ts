import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanaryMetricRow, CanaryVerdict } from '../../src/core/types.ts';
import { ACTION_ID, BLOCK_ID } from '../../src/render/index.ts';
import { DEPLOY_CHANNEL, type SlackHarness, startSlackHarness } from '../support/start-slack-harness.ts';

/**
 * The canary through the lock, end to end on the Slack stand-in (which rejects what Slack would):
 * the card's per-metric table, the trace in the thread when the verdict changes, and the lock
 * paused by an inconclusive look and resumed by a healthy one (issues 3 and 5).
 */
let harness: SlackHarness;

beforeEach(async () => {
  harness = await startSlackHarness({ secret: 'e2e-signing-secret' });
});

afterEach(() => harness.close());

const ROW: CanaryMetricRow = {
  name: 'latency_p99 <!channel>',
  verdict: 'inconclusive',
  critical: true,
  test: 'shift',
  rule: 'not_significant',
  baseline: '0.212',
  canary: '0.231',
  effect: '+9 %',
  interval: '90 % CI −1 %…+19 %',
  margin: '−9.09 %…+10 %',
  pRaw: '0.04',
  pAdjusted: '0.2',
  alpha: '0.0052',
  samples: 'canary 20/20 · baseline 20/20',
  flags: ['ties 5 %'],
  reason: 'not significant, not shown within the margin',
};

async function judged(verdict: CanaryVerdict, rows: readonly CanaryMetricRow[]): Promise<void> {
  const r = harness.rollout();
  harness.shell.handle({
    type: 'CanaryJudged',
    at: Date.now(),
    rolloutId: r.id,
    sha: r.pr.sha,
    look: r.canary.look,
    verdict,
    summary: `${verdict}: scripted`,
    metrics: rows,
  });
  await harness.shell.idle();
}

async function approve(user: string, messageTs: string): Promise<void> {
  await harness.slack.clickButton({ user, channel: DEPLOY_CHANNEL, messageTs, actionId: ACTION_ID.approve });
  await harness.shell.idle();
}

describe('the canary watched through the lock, on Slack', () => {
  it('inconclusive pauses the lock and pings the approvers; healthy resumes it; the table and trace show', async () => {
    const ts = await harness.openAwaitingApproval();
    await approve('UBOB', ts);
    await approve('UCAROL', ts);
    expect(harness.rollout().phase).toBe('time_locked');

    await judged('inconclusive', [ROW]);
    expect(harness.rollout().lockPaused).toBeDefined();
    const card = JSON.stringify(harness.slack.message(DEPLOY_CHANNEL, ts)?.blocks);
    expect(card).toContain(BLOCK_ID.canaryTable);
    expect(card).toContain('*Time lock paused*');
    expect(card).not.toContain('<!channel>');
    const thread = harness.slack.thread(DEPLOY_CHANNEL, ts).map((m) => JSON.stringify(m.blocks));
    expect(thread.some((t) => t.includes('*Canary look') && t.includes('Holm-adjusted 0.'))).toBe(true);
    expect(thread.some((t) => t.includes('<@UBOB>, <@UCAROL>: the time lock is *paused*'))).toBe(true);

    await judged('healthy', [{ ...ROW, verdict: 'healthy', rule: 'within_margin' }]);
    expect(harness.rollout().lockPaused).toBeUndefined();
    expect(harness.rollout().unlockAt).not.toBeNull();
    expect(JSON.stringify(harness.slack.message(DEPLOY_CHANNEL, ts)?.blocks)).toContain('*Time lock* until');
    const after = harness.slack.thread(DEPLOY_CHANNEL, ts).map((m) => JSON.stringify(m.blocks));
    expect(after.some((t) => t.includes('the time lock runs again and ends'))).toBe(true);
  });
});
