/** The risk ledger's pure half (issue #7): incidents from decisions, estimates, crossings, the step-down. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { newRollout } from '../../../../src/core/decide.ts';
import { deriveIncidents, type IncidentMapping } from '../../../../src/core/risk/derive-incidents.ts';
import { estimateRisk, type RiskRecord } from '../../../../src/core/risk/estimate-risk.ts';
import { foldRiskLedger } from '../../../../src/core/risk/fold-risk-ledger.ts';
import {
  INCIDENT_TRIGGERS,
  type RiskBudgetCrossed,
  type RiskIncidentRecorded,
  SYSTEM_SCOPE,
} from '../../../../src/core/risk/ledger-types.ts';
import { riskCrossings } from '../../../../src/core/risk/risk-crossings.ts';
import { STEP_DOWN, stepDownPolicy } from '../../../../src/core/risk/step-down-policy.ts';
import type { DeployState, Event, PullRequestState, Rollout } from '../../../../src/core/types.ts';
import { POLICY, prAt, SHA_A } from '../../../support/core-fixtures.ts';
import { minimalDocument, validConfig } from '../../config/minimal-config.ts';

const seed = validConfig(stringify(minimalDocument())).risk;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const MAPPING: IncidentMapping = seed.incidents;

const deploy = (status: DeployState['status']): DeployState => ({
  status,
  epoch: 1,
  claimedAt: T0,
  finishedAt: null,
  summary: '',
});

function rollout(id: string, deploys: Rollout['deploys']): Rollout {
  return {
    ...newRollout(id, prAt(SHA_A), T0),
    phase: 'verifying',
    canary: { look: 1, verdict: 'healthy', summary: '', at: T0 },
    epoch: 1,
    deploys,
  };
}

const pr = (...rollouts: Rollout[]): PullRequestState => ({
  repo: 'acme/api',
  number: 7,
  rollouts,
  freeze: null,
  closed: false,
});

const tick: Event = { type: 'TimerFired', at: T0 + 1, rolloutId: 'r1', kind: 'verification' };

const incident = (at: number, component = 'canary_analysis', mode = 'approves_bad_deploy'): RiskIncidentRecorded => ({
  type: 'RiskIncidentRecorded',
  at,
  key: `k${at}${component}`,
  component,
  mode,
  source: 'manual',
  damage: 1,
  text: 't',
  by: 'UBOB',
  repo: null,
  rolloutId: null,
});

describe('the default incident mapping (risk.incidents)', () => {
  it('charges a rollback and a late alert to the canary, a failed deploy to the tests', () => {
    expect(INCIDENT_TRIGGERS).toEqual(['production_rollback', 'deploy_failed', 'alert_after_promotion']);
    expect(MAPPING).toEqual({
      production_rollback: [{ component: 'canary_analysis', mode: 'approves_bad_deploy' }],
      deploy_failed: [{ component: 'tests', mode: 'false_pass' }],
      alert_after_promotion: [{ component: 'canary_analysis', mode: 'approves_bad_deploy' }],
    });
  });
});

describe('deriveIncidents: from the aggregate before and after a decision', () => {
  const promoted = rollout('r1', { production: deploy('succeeded') });

  it.each([
    [
      'a production rollback is claimed',
      pr(promoted),
      pr(rollout('r1', { ...promoted.deploys, rollback: deploy('claimed') })),
      tick,
      ['production_rollback'],
    ],
    [
      'the production deploy failed (and its rollback is claimed)',
      pr(rollout('r1', { production: deploy('running') })),
      pr(rollout('r1', { production: deploy('failed'), rollback: deploy('claimed') })),
      tick,
      ['production_rollback', 'deploy_failed'],
    ],
    [
      'a canary is rolled back (no production deploy): nothing',
      pr(rollout('r1', {})),
      pr(rollout('r1', { rollback: deploy('claimed') })),
      tick,
      [],
    ],
    [
      'the same state again (a redelivery): nothing',
      pr(rollout('r1', { production: deploy('failed'), rollback: deploy('claimed') })),
      pr(rollout('r1', { production: deploy('failed'), rollback: deploy('claimed') })),
      tick,
      [],
    ],
    ['no aggregate after: nothing', null, null, tick, []],
  ] as const)('%s', (_, before, after, event, sources) => {
    expect(deriveIncidents(before, after, event, MAPPING).map((i) => i.source)).toEqual(sources);
  });

  const alert = (status: 'firing' | 'resolved', rolloutId = 'r1'): Event => ({
    type: 'CanaryAlertReceived',
    at: T0 + 5,
    rolloutId,
    alert: {
      id: 'a1',
      status,
      name: 'HighErrors',
      summary: '',
      labels: {},
      annotations: {},
      startsAt: T0,
      endsAt: null,
    },
  });

  it('a firing alert on a rollout that reached production is charged; resolved, another rollout or before production are not', () => {
    const found = deriveIncidents(pr(promoted), pr(promoted), alert('firing'), MAPPING);
    expect(found).toEqual([
      {
        type: 'RiskIncidentRecorded',
        at: T0 + 5,
        key: 'auto:r1:canary_analysis.approves_bad_deploy',
        component: 'canary_analysis',
        mode: 'approves_bad_deploy',
        source: 'alert_after_promotion',
        damage: null,
        text: 'an alert fired after the rollout reached production: acme/api#7',
        by: null,
        repo: 'acme/api',
        rolloutId: 'r1',
      },
    ]);
    expect(deriveIncidents(pr(promoted), pr(promoted), alert('resolved'), MAPPING)).toEqual([]);
    expect(deriveIncidents(pr(promoted), pr(promoted), alert('firing', 'r9'), MAPPING)).toEqual([]);
    const canary = rollout('r1', {});
    expect(deriveIncidents(pr(canary), pr(canary), alert('firing'), MAPPING)).toEqual([]);
  });

  it('one rollout charges each harm mode once, whatever number of triggers map to it', () => {
    const both: IncidentMapping = { ...MAPPING, deploy_failed: MAPPING.production_rollback };
    const after = pr(rollout('r1', { production: deploy('failed'), rollback: deploy('claimed') }));
    const found = deriveIncidents(pr(rollout('r1', { production: deploy('running') })), after, tick, both);
    expect(found.map((i) => i.key)).toEqual(['auto:r1:canary_analysis.approves_bad_deploy']);
  });
});

describe('estimateRisk: the update rule on worked examples', () => {
  const settings = seed;
  const empty: RiskRecord = { incidents: [], opportunities: {}, since: null };

  it('with no record gives the seed: $1,950 of $2,000, each component at its budget', () => {
    const system = estimateRisk(empty, settings, T0);
    expect(system.total.mean).toBe(1950);
    expect(system.status).toBe('warn');
    expect(system.components.map((c) => c.risk.mean)).toEqual([50, 200, 500, 100, 150, 50, 300, 100, 500]);
  });

  it('the canary, 12 months observed with one approved bad deploy (no decay): beta(3.05, 213.95), $421.66', () => {
    const record: RiskRecord = { incidents: [incident(T0 + 200 * DAY)], opportunities: {}, since: T0 };
    const system = estimateRisk(record, { ...settings, halfLifeDays: Number.POSITIVE_INFINITY }, T0 + 365.25 * DAY);
    const canary = system.components.find((c) => c.id === 'canary_analysis');
    expect(canary?.modes[0]?.probability.mean).toBeCloseTo(3.05 / 217, 12);
    expect(canary?.risk.mean).toBe(421.66);
    expect(canary?.status).toBe('over');
    // Thirty days before the incident, the same record gives the prior's estimate back (the trend).
    const before = estimateRisk(record, { ...settings, halfLifeDays: Number.POSITIVE_INFINITY }, T0 + 170 * DAY);
    expect(before.components.find((c) => c.id === 'canary_analysis')?.risk.mean).toBeLessThan(300);
  });

  it('counts per-opportunity trials from real activity, and their observed volume once a month is observed', () => {
    const perDeploy = {
      ...settings,
      components: [
        {
          id: 'gate',
          name: 'gate',
          implementation: 'code' as const,
          budget: 100,
          harmModes: [
            {
              id: 'miss',
              name: 'miss',
              type: 'accident' as const,
              prior: { alpha: 1, beta: 99 },
              basis: { kind: 'per_opportunity' as const, opportunity: 'deploys' as const, perMonth: 10 },
              damage: 1000,
            },
          ],
        },
      ],
    };
    // Ten days observed: the configured 10 deploys a month; P = 1/100 → $100.
    const young: RiskRecord = { incidents: [], opportunities: { deploys: [T0 + DAY] }, since: T0 };
    expect(estimateRisk(young, perDeploy, T0 + 10 * DAY).components[0]?.modes[0]?.trialsPerMonth).toBe(10);
    // Two months observed with 20 deploys in the last month: the observed volume, 20.
    const deploys = Array.from({ length: 20 }, (_, i) => T0 + 40 * DAY + i * DAY);
    const old: RiskRecord = { incidents: [], opportunities: { deploys }, since: T0 };
    const spend = estimateRisk(old, perDeploy, T0 + 61 * DAY).components[0];
    expect(spend?.modes[0]?.trialsPerMonth).toBe(20);
    expect(spend?.modes[0]?.probability.mean).toBeLessThan(0.01); // good deploys lowered P
    // A kind nobody counted keeps the configured volume, and has no trials to update P with.
    const none: RiskRecord = { incidents: [], opportunities: {}, since: T0 };
    const uncounted = estimateRisk(none, perDeploy, T0 + 61 * DAY).components[0]?.modes[0];
    expect(uncounted?.trialsPerMonth).toBe(10);
    expect(uncounted?.probability.mean).toBeCloseTo(0.01, 12);
  });
});

describe('riskCrossings and foldRiskLedger: warn once per crossing, step down above 100 %', () => {
  const overCanary = estimateRisk({ incidents: [incident(T0)], opportunities: {}, since: T0 }, seed, T0);

  it('records every status change against the last recorded one (unrecorded: ok)', () => {
    const crossings = riskCrossings({ canary_analysis: 'warn', system: 'warn' }, overCanary, T0);
    const changed = crossings.map((c) => [c.scope, c.from, c.to]);
    expect(changed).toContainEqual(['canary_analysis', 'warn', 'over']);
    expect(changed).toContainEqual([SYSTEM_SCOPE, 'warn', 'over']);
    expect(changed).toContainEqual(['tests', 'ok', 'warn']);
    expect(crossings.find((c) => c.scope === SYSTEM_SCOPE)).toMatchObject({
      budget: 2000,
      key: `crossing:system:${T0}:over`,
    });
    const levels = Object.fromEntries(crossings.map((c) => [c.scope, c.to]));
    expect(riskCrossings(levels, overCanary, T0 + 1)).toEqual([]);
  });

  const crossed = (at: number, scope: string, to: RiskBudgetCrossed['to']): RiskBudgetCrossed => ({
    type: 'RiskBudgetCrossed',
    at,
    key: `c${at}${scope}`,
    scope,
    from: 'warn',
    to,
    estimate: 1,
    budget: 1,
  });

  it('steps down at the first crossing over, lifts at an acknowledgement, steps down again at a new one', () => {
    const ack = { type: 'RiskAcknowledged', at: 4, key: 'a', by: 'UBOB', reason: 'looked' } as const;
    expect(foldRiskLedger([]).stepDown).toBeNull();
    const down = foldRiskLedger([incident(1), crossed(2, 'canary_analysis', 'over'), crossed(3, 'system', 'over')]);
    expect(down.stepDown).toEqual({ scopes: ['canary_analysis', 'system'], since: 2 });
    expect(down.levels).toEqual({ canary_analysis: 'over', system: 'over' });
    expect(down.incidents).toHaveLength(1);
    expect(down.keys.has('k1canary_analysis')).toBe(true);
    const lifted = foldRiskLedger([crossed(2, 'canary_analysis', 'over'), ack, crossed(5, 'canary_analysis', 'warn')]);
    expect(lifted.stepDown).toBeNull();
    expect(lifted.lastAcknowledged).toEqual(ack);
    const again = foldRiskLedger([
      crossed(2, 'canary_analysis', 'over'),
      ack,
      crossed(5, 'canary_analysis', 'warn'),
      crossed(6, 'canary_analysis', 'over'),
      crossed(7, 'canary_analysis', 'over'),
    ]);
    expect(again.stepDown).toEqual({ scopes: ['canary_analysis'], since: 6 });
  });

  it('stepDownPolicy adds one approver and doubles the lock, and is the configured policy otherwise', () => {
    expect(stepDownPolicy(POLICY, null)).toBe(POLICY);
    const down = stepDownPolicy(POLICY, { scopes: ['system'], since: 1 });
    expect(down.approvals.required).toBe(POLICY.approvals.required + STEP_DOWN.extraApprovers);
    expect(down.timeLockMs).toBe(POLICY.timeLockMs * 2);
    expect({ ...down, approvals: { ...down.approvals, required: 2 }, timeLockMs: POLICY.timeLockMs }).toEqual(POLICY);
  });
});
