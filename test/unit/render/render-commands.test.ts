import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRollout } from '../../../src/core/explain-rollout.ts';
import type { Rollout } from '../../../src/core/types.ts';
import { toHomeView } from '../../../src/render/home-view.ts';
import { renderHelp, renderUsage } from '../../../src/render/render-help.ts';
import { renderHome } from '../../../src/render/render-home.ts';
import { renderList } from '../../../src/render/render-list.ts';
import { renderNotice } from '../../../src/render/render-notice.ts';
import { renderStatus } from '../../../src/render/render-status.ts';
import { renderWhy } from '../../../src/render/render-why.ts';
import { unsafeParts } from './assert-safe.ts';
import { hostileString } from './hostile-strings.ts';
import { POLICY, rolloutIn, stateOf, T0 } from './render-fixtures.ts';

const PEOPLE = new Set(['UAUTHOR', 'UBOB', 'UCAROL', 'UDAVE']);
const AT = T0 + 900_000;
const titled = (r: Rollout, title: string): Rollout => ({ ...r, pr: { ...r.pr, title, repo: title.slice(0, 50) } });
const FREEZE = { reason: 'incident', by: 'UBOB', at: T0 };

describe('/shiplock renderers', () => {
  it('help and usage list every subcommand and are safe', () => {
    for (const m of [renderHelp(), renderUsage('What?')]) {
      expect(m.text).toContain('/shiplock freeze on');
      expect(unsafeParts(m, 'message', PEOPLE)).toEqual([]);
    }
  });

  it('status shows phase, approvals, who can approve, the unlock token and a freeze', () => {
    const locked = rolloutIn('time_locked');
    const waiting = rolloutIn('awaiting_approval');
    const m = renderStatus(
      [
        { state: { ...stateOf(locked), freeze: FREEZE }, rollout: locked, policy: POLICY },
        { state: stateOf(waiting), rollout: waiting, policy: POLICY },
      ],
      AT,
    );
    const json = JSON.stringify(m);
    expect(json).toContain('Unlocks <!date^');
    expect(json).toContain('Approvals: 1 of 2');
    expect(json).toContain('Can approve: <@UCAROL>');
    expect(json).toContain('frozen');
    expect(renderStatus([], AT).text).toMatch(/No active rollouts/);
  });

  it('list shows repo#N, short SHA and phase; the empty list says so', () => {
    expect(JSON.stringify(renderList([rolloutIn('canary')]))).toContain('`aaaaaaa`');
    expect(renderList([]).text).toBe('No active rollouts right now.');
    const many = Array.from({ length: 45 }, () => rolloutIn('testing'));
    expect(JSON.stringify(renderList(many))).toContain('and 5 more');
  });

  it('why renders every condition code', () => {
    const held = { ...rolloutIn('time_locked'), hold: { code: 'window_closed', nextWindowAt: null } as const };
    const cases = [
      rolloutIn('reviewing'),
      rolloutIn('canary'),
      rolloutIn('awaiting_approval'),
      held,
      rolloutIn('deploying'),
      rolloutIn('rejected'),
      { ...rolloutIn('expired'), ended: null },
    ];
    for (const r of cases) {
      const state = { ...stateOf(r), freeze: FREEZE };
      const m = renderWhy(r, explainRollout(state, r, POLICY, AT), POLICY);
      expect(unsafeParts(m, 'message', PEOPLE)).toEqual([]);
    }
    const errored = {
      ...rolloutIn('testing'),
      gates: { lint: { status: 'error', attempt: 1, startedAt: T0, finishedAt: T0, summary: '', durationMs: 1 } },
    } as Rollout;
    expect(JSON.stringify(renderWhy(errored, explainRollout(stateOf(errored), errored, POLICY, AT), POLICY))).toContain(
      'Retry',
    );
    const r = rolloutIn('time_locked');
    expect(renderWhy(r, [], POLICY).text).toMatch(/0 conditions/);
  });

  it('home: the viewer sees approvals they can give, locks with countdowns, recent deploys and freezes', () => {
    const waiting = rolloutIn('awaiting_approval');
    const locked = rolloutIn('time_locked');
    const deployed = rolloutIn('deployed');
    const input = {
      at: AT,
      active: [waiting, locked].map((rollout) => ({ state: stateOf(rollout), rollout })),
      recent: [deployed, rolloutIn('rolled_back'), rolloutIn('cancelled')].map((rollout) => ({
        state: stateOf(rollout),
        rollout,
      })),
      freezes: [{ repo: 'acme/api', freeze: FREEZE }],
      policyFor: () => POLICY,
    };
    const carol = toHomeView({ ...input, viewer: 'UCAROL' });
    expect(carol.canApprove.map((r) => r.id)).toEqual(['r1']);
    expect(carol.recent.map((r) => r.phase)).toEqual(['deployed', 'rolled_back']);
    expect(toHomeView({ ...input, viewer: 'UBOB' }).canApprove).toEqual([]); // already approved
    expect(toHomeView({ ...input, viewer: 'UAUTHOR' }).canApprove).toEqual([]); // author
    const tab = renderHome(carol);
    expect(tab.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(tab)).toContain('unlocks <!date^');
    expect(unsafeParts(tab, 'home', PEOPLE)).toEqual([]);
  });

  it('hostile titles, repos and freeze reasons never mention, link or break a limit', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const r = titled(rolloutIn('time_locked'), text);
        const freeze = { reason: text, by: 'UBOB', at: T0 };
        const state = { ...stateOf(r), freeze };
        const items = Array.from({ length: 12 }, () => ({ state, rollout: r, policy: POLICY }));
        const messages = [
          renderStatus(items, AT),
          renderList(Array.from({ length: 45 }, () => r)),
          renderWhy(r, explainRollout(state, r, POLICY, AT), POLICY),
        ];
        for (const m of messages) expect(unsafeParts(m, 'message', PEOPLE)).toEqual([]);
        const home = renderHome({
          viewer: 'UCAROL',
          at: AT,
          canApprove: Array.from({ length: 30 }, () => r),
          locks: Array.from({ length: 30 }, () => r),
          recent: Array.from({ length: 30 }, () => r),
          freezes: Array.from({ length: 30 }, () => ({ repo: text, freeze })),
        });
        expect(unsafeParts(home, 'home', PEOPLE)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a notice is one safe section', () => {
    expect(renderNotice('hello').blocks).toHaveLength(1);
  });
});
