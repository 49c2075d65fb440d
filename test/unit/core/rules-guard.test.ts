/**
 * The pure helpers under the orchestrator, by rule: every production blocker, canonical JSON, replay.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import { ALL_PHASES, isPreProduction, isTerminal } from '../../../src/core/phases.ts';
import { type ProductionBlocker, productionBlockers } from '../../../src/core/production-guard.ts';
import { replay } from '../../../src/core/replay.ts';
import type { Rollout } from '../../../src/core/types.ts';
import { POLICY, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { given, goodFacts, T0 } from './driver.ts';

describe('production guard: every condition of I1 is a blocker until met', () => {
  const locked = (): { r: Rollout; at: number } => {
    const g = given().timeLocked();
    const r = g.rollout();
    return { r, at: r.unlockAt ?? 0 };
  };

  it('nothing blocks a locked, approved, healthy rollout once the lock ran out', () => {
    const { r, at } = locked();
    expect(productionBlockers(r, POLICY, at, goodFacts(), null)).toEqual([]);
  });

  const table: [string, (r: Rollout) => Rollout, Partial<ReturnType<typeof goodFacts>>, number, ProductionBlocker[]][] =
    [
      ['not time locked', (r) => ({ ...r, phase: 'awaiting_approval' }), {}, 0, [{ code: 'not_time_locked' }]],
      [
        'ended',
        (r) => ({ ...r, ended: { at: T0, reason: { code: 'verified' } } }),
        {},
        0,
        [{ code: 'not_time_locked' }],
      ],
      [
        'a gate not passed',
        (r) => ({ ...r, gates: {} }),
        {},
        0,
        [
          { code: 'gate_not_passed', gateId: 'lint' },
          { code: 'gate_not_passed', gateId: 'unit' },
        ],
      ],
      [
        'no canary deploy',
        (r) => ({ ...r, deploys: { staging: r.deploys.staging! } }),
        {},
        0,
        [{ code: 'deploy_not_succeeded', stage: 'canary' }],
      ],
      [
        'the stored canary verdict',
        (r) => ({ ...r, canary: { ...r.canary, verdict: null } }),
        {},
        0,
        [{ code: 'canary_not_healthy' }],
      ],
      ['the preflight canary verdict', (r) => r, { canary: 'inconclusive' }, 0, [{ code: 'canary_not_healthy' }]],
      ['no quorum', (r) => ({ ...r, approvals: r.approvals.slice(0, 1) }), {}, 0, [{ code: 'quorum_not_met' }]],
      ['one ms before unlock', (r) => r, {}, -1, [{ code: 'lock_not_expired', unlockAt: T0 }]],
      ['no unlock time', (r) => ({ ...r, unlockAt: null }), {}, 0, [{ code: 'lock_not_expired', unlockAt: null }]],
      ['head moved', (r) => r, { headSha: SHA_B }, 0, [{ code: 'head_moved', headSha: SHA_B }]],
      [
        'frozen',
        (r) => r,
        { freeze: { reason: 'x', by: 'UBOB', at: T0 } },
        0,
        [{ code: 'frozen', freeze: { reason: 'x', by: 'UBOB', at: T0 } }],
      ],
      [
        'window closed',
        (r) => r,
        { windowOpen: false, nextWindowAt: 5 },
        0,
        [{ code: 'window_closed', nextWindowAt: 5 }],
      ],
      [
        'already claimed',
        (r) => ({ ...r, deploys: { ...r.deploys, production: r.deploys.staging! } }),
        {},
        0,
        [{ code: 'already_claimed' }],
      ],
    ];
  it.each(table)('blocks when %s', (_what, change, facts, atShift, expected) => {
    const { r, at } = locked();
    const changed = change(r);
    const blockers = productionBlockers(changed, POLICY, at + atShift, { ...goodFacts(), ...facts }, null);
    const fixed = expected.map((b) =>
      b.code === 'lock_not_expired' && b.unlockAt !== null ? { ...b, unlockAt: at } : b,
    );
    expect(blockers).toEqual(fixed);
  });

  it('a stored freeze blocks when the facts carry none', () => {
    const { r, at } = locked();
    const freeze = { reason: 'stored', by: 'UBOB', at: T0 };
    expect(productionBlockers(r, POLICY, at, goodFacts(), freeze)).toEqual([{ code: 'frozen', freeze }]);
  });
});

describe('phases', () => {
  it('every phase is either terminal or active, and pre-production ones are active', () => {
    expect(ALL_PHASES.filter(isTerminal)).toEqual([
      'deployed',
      'rejected',
      'cancelled',
      'superseded',
      'rolled_back',
      'failed',
      'expired',
    ]);
    expect(ALL_PHASES.filter(isPreProduction)).toEqual([
      'reviewing',
      'testing',
      'staging',
      'canary',
      'awaiting_approval',
      'time_locked',
    ]);
  });
});

describe('canonical JSON', () => {
  const table: [string, unknown, string][] = [
    [
      'sorts keys at every depth',
      { b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } },
      '{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}',
    ],
    ['drops undefined members', { a: undefined, b: null }, '{"b":null}'],
    ['writes a lone undefined as null', undefined, 'null'],
    ['escapes strings', 'a"\n', '"a\\"\\n"'],
  ];
  it.each(table)('%s', (_rule, value, text) => expect(canonicalJson(value)).toBe(text));

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %s (no JSON for it)', (n) => {
    expect(() => canonicalJson({ n })).toThrow(/not representable/);
  });
});

describe('replay (I6)', () => {
  it('replays nothing to nothing', () => {
    expect(replay([])).toBeNull();
  });

  it('replays a deploy, event by event with its policy, to the same snapshot', () => {
    const g = given().verifying().verified(true);
    const again = replay(g.events.map((event) => ({ event, policy: POLICY })));
    expect(canonicalJson(again)).toBe(canonicalJson(g.state));
    expect(again?.rollouts[0]?.pr.sha).toBe(SHA_A);
  });
});
