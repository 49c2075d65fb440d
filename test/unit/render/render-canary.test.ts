/**
 * The canary on the card and in the thread (issues 3 and 5): the per-metric table, the full trace
 * when a verdict changes, and the time lock paused by an inconclusive canary.
 */
import { describe, expect, it } from 'vitest';
import { explainRollout } from '../../../src/core/explain-rollout.ts';
import type { CanaryMetricRow, Rollout, ThreadMessage } from '../../../src/core/types.ts';
import { renderCanaryTable } from '../../../src/render/canary-table.ts';
import { toCardView } from '../../../src/render/card-view.ts';
import { toHomeView } from '../../../src/render/home-view.ts';
import { BLOCK_ID } from '../../../src/render/ids.ts';
import { renderCard } from '../../../src/render/render-card.ts';
import { renderHome } from '../../../src/render/render-home.ts';
import { renderStatus } from '../../../src/render/render-status.ts';
import { renderThreadMessage } from '../../../src/render/render-thread-message.ts';
import { renderWhy } from '../../../src/render/render-why.ts';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import { unsafeParts } from './assert-safe.ts';
import { CANARY_ROWS, POLICY, pausedRollout, rolloutIn, stateOf, T0, withCanaryRows } from './render-fixtures.ts';

const PEOPLE = new Set(POLICY.people.map((p) => p.slack));
const JUDGED_AT = T0 + 300_000;
const CAPS = { rows: 12, name: 28, cell: 14 };

function card(rollout: Rollout, at = T0 + 1_500_000) {
  return renderCard(toCardView(stateOf(rollout), rollout, POLICY, at));
}

function thread(message: ThreadMessage, rollout: Rollout) {
  return renderThreadMessage(message, { state: stateOf(rollout), rollout, policy: POLICY });
}

const judged = (verdict: 'healthy' | 'inconclusive' = 'inconclusive', judgedAt = JUDGED_AT): ThreadMessage => ({
  kind: 'canary_judged',
  look: 2,
  verdict,
  judgedAt,
});

describe('the card: per-metric canary table', () => {
  it('shows metric, baseline, canary, effect and verdict in aligned monospace columns', () => {
    const table = renderCanaryTable(CANARY_ROWS, CAPS) ?? '';
    const lines = table.replace(/```/g, '').split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['metric', 'baseline', 'canary', 'effect', 'verdict']);
    expect(lines[1]?.split(/\s{2,}/)).toEqual([
      'latency_p99 (critical)',
      '0.\u200B212',
      '0.\u200B261',
      '+23.\u200B4 %',
      'UNHEALTHY',
    ]);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).at(-1))).toEqual(['healthy', 'inconclusive', 'no data']);
    const starts = lines.map((l) => l.indexOf(l.split(/\s{2,}/)[1] ?? ''));
    expect(new Set(starts.slice(0, 2)).size).toBe(1);
  });

  it('is its own section under the canary line, and absent when the look has no rows', () => {
    const blocks = card(withCanaryRows(rolloutIn('awaiting_approval'))).blocks;
    const ids = blocks.map((b) => b.block_id);
    expect(ids.indexOf(BLOCK_ID.canaryTable)).toBe(ids.indexOf(BLOCK_ID.canary) + 1);
    expect(card(rolloutIn('awaiting_approval')).blocks.map((b) => b.block_id)).not.toContain(BLOCK_ID.canaryTable);
    expect(renderCanaryTable([], CAPS)).toBeNull();
  });

  it('counts the rows it has no room for and points to the thread', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ ...(CANARY_ROWS[1] as CanaryMetricRow), name: `m${i}` }));
    const table = renderCanaryTable(rows, CAPS) ?? '';
    expect(table).toContain('…and 8 more metrics: the thread has them all.');
  });

  it('cuts long names, keeps a backtick from closing the block, and stays under the section limit', () => {
    const hostile = { ...(CANARY_ROWS[0] as CanaryMetricRow), name: `\`\`\`<!channel> ${'x'.repeat(5000)}` };
    const table =
      renderCanaryTable(
        Array.from({ length: 40 }, () => hostile),
        { rows: 40, name: 28, cell: 14 },
      ) ?? '';
    expect(table.match(/```/g)).toHaveLength(2);
    expect(table).not.toContain('<!channel>');
    expect(table.length).toBeLessThanOrEqual(3000);
  });

  it('the card with rows is valid and safe in every phase that has a canary', () => {
    for (const phase of ['canary', 'awaiting_approval', 'time_locked', 'deploying', 'rejected'] as const) {
      const message = card(withCanaryRows(rolloutIn(phase)));
      expect(unsafeParts(message, 'message', PEOPLE)).toEqual([]);
    }
  });
});

describe('the card: a paused time lock', () => {
  it('shows the pause, since when and what is left, instead of the countdown', () => {
    const json = JSON.stringify(card(pausedRollout()).blocks);
    expect(json).toContain(':pause_button: *Time lock paused* since <!date^');
    expect(json).toContain('with 5 min 00 s left: the canary is inconclusive');
    expect(json).toContain('resumes by itself when a look is healthy again');
    expect(json).not.toContain('*Time lock* until');
    expect(json).not.toContain('*Time lock* ended');
  });

  it('keeps Cancel on the card while paused', () => {
    const actions = card(pausedRollout()).blocks.find((b) => b.type === 'actions');
    expect(JSON.stringify(actions)).toContain('shiplock.cancel');
  });

  it('/shiplock why names the paused lock', () => {
    const r = pausedRollout();
    const why = JSON.stringify(renderWhy(r, explainRollout(stateOf(r), r, POLICY, T0 + 2_000_000), POLICY).blocks);
    expect(why).toContain('The time lock is paused since <!date^');
    expect(why).toContain('with 5 min 00 s left');
  });
});

describe('the thread: the canary trace when a verdict changes', () => {
  it('lists every metric with medians, effect, interval, margin, p-values, samples, rule and flags', () => {
    const message = thread(judged(), withCanaryRows(rolloutIn('time_locked')));
    const json = JSON.stringify(message.blocks);
    expect(message.text).toBe('Canary look 2: inconclusive');
    expect(json).toContain('*Canary look 2* :large_yellow_circle: inconclusive');
    expect(json).toContain('• *latency_p99* (critical): :red_circle: unhealthy — shift, significant beyond margin');
    expect(json).toContain('effect +23.\u200B4 % (90 % CI +15 %…+31 %)');
    expect(json).toContain('p 2e-5 · Holm-adjusted 1e-4 · α 0.\u200B0052');
    expect(json).toContain('flags: dropped 2 non-finite; blocks of 3');
    expect(json).toContain(':white_circle: no data');
    expect(unsafeParts(message, 'message', PEOPLE)).toEqual([]);
  });

  it('a look whose trace a later look replaced says so instead of showing other numbers', () => {
    const json = JSON.stringify(
      thread(judged('healthy', JUDGED_AT - 60_000), withCanaryRows(rolloutIn('time_locked'))).blocks,
    );
    expect(json).toContain('A later look has replaced this look');
    expect(json).not.toContain('latency_p99');
  });

  it("shows the judge's Kayenta-style score as information when the look has one, and nothing when not", () => {
    const r = withCanaryRows(rolloutIn('time_locked'));
    const scored = { ...r, canary: { ...r.canary, score: 87.4 } };
    expect(JSON.stringify(thread(judged(), scored).blocks)).toContain(
      'Kayenta-style score 87/100 (for information; it never decides)',
    );
    expect(JSON.stringify(thread(judged(), r).blocks)).not.toContain('Kayenta-style');
  });

  it('a look without rows shows the summary and says no trace was recorded', () => {
    const json = JSON.stringify(thread(judged('healthy'), rolloutIn('awaiting_approval')).blocks);
    expect(json).toContain('error rate 0.\u200B1% vs 0.\u200B1%');
    expect(json).toContain('No per-metric trace was recorded');
  });

  it('many metrics spread over sections and stay within the limits', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      ...(CANARY_ROWS[2] as CanaryMetricRow),
      name: `metric_${i}`,
    }));
    const message = thread(judged(), withCanaryRows(rolloutIn('time_locked'), rows));
    expect(validateMessage(message, 'message')).toEqual([]);
    expect(message.blocks.length).toBeGreaterThan(1);
    expect(JSON.stringify(message.blocks)).toContain('…and 10 more metrics.');
  });
});

describe('the thread: the lock pausing and resuming', () => {
  it('paused: mentions the counted approvers, the time left, that it resumes by itself, and Cancel', () => {
    const message = thread(
      { kind: 'time_lock_paused', remainingMs: 450_000, approvers: ['UBOB', 'UCAROL'] },
      pausedRollout(),
    );
    const json = JSON.stringify(message.blocks);
    expect(json).toContain(
      '<@UBOB>, <@UCAROL>: the time lock is *paused* with 7 min 30 s left because the canary is inconclusive',
    );
    expect(json).toContain('resumes by itself when a look is healthy again');
    expect(json).toContain('press Cancel on the card');
    expect(unsafeParts(message, 'message', PEOPLE)).toEqual([]);
  });

  it('paused: a malformed approver id is counted, never mentioned', () => {
    const json = JSON.stringify(
      thread({ kind: 'time_lock_paused', remainingMs: 1000, approvers: ['<!channel>'] }, pausedRollout()).blocks,
    );
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('1 with an invalid Slack id');
  });

  it('resumed: the new deadline as a date token, and no mention', () => {
    const message = thread({ kind: 'time_lock_resumed', unlockAt: T0 + 3_000_000 }, rolloutIn('time_locked'));
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('the time lock runs again and ends <!date^');
    expect(json).not.toContain('<@');
  });
});

describe('status and Home: a paused lock', () => {
  it('/shiplock status and the Home tab say the lock is paused and what is left', () => {
    const r = pausedRollout();
    const status = JSON.stringify(renderStatus([{ state: stateOf(r), rollout: r, policy: POLICY }], T0).blocks);
    expect(status).toContain('Time lock paused with 5 min 00 s left: the canary is inconclusive');
    const view = toHomeView({
      viewer: 'UBOB',
      at: T0,
      active: [{ state: stateOf(r), rollout: r }],
      recent: [],
      freezes: [],
      policyFor: () => POLICY,
    });
    expect(JSON.stringify(renderHome(view).blocks)).toContain('paused with 5 min 00 s left (canary inconclusive)');
  });
});
