/** The delegation-risk report and warning (issue #7): content, limits, and hostile strings everywhere. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkAuthority } from '../../../src/core/risk/check-authority.ts';
import { delegationChains } from '../../../src/core/risk/delegation-chains.ts';
import { estimateRisk } from '../../../src/core/risk/estimate-risk.ts';
import type { RiskAcknowledged, RiskBudgetCrossed, RiskIncidentRecorded } from '../../../src/core/risk/ledger-types.ts';
import { formatDollars, formatPercent } from '../../../src/render/format-dollars.ts';
import { renderHome } from '../../../src/render/render-home.ts';
import { renderRiskReport } from '../../../src/render/render-risk-report.ts';
import { renderRiskWarning } from '../../../src/render/render-risk-warning.ts';
import type { RiskView } from '../../../src/render/risk-view.ts';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import { minimalDocument, validConfig } from '../config/minimal-config.ts';
import { SEED_GRAPH } from '../core/risk/seed-graph.ts';
import { assertProperty } from './assert-property.ts';
import { unsafeParts } from './assert-safe.ts';
import { hostileString } from './hostile-strings.ts';

const seed = validConfig(stringify(minimalDocument())).risk;
const T0 = Date.UTC(2026, 10, 1);

function viewWith(
  incidents: readonly RiskIncidentRecorded[],
  names: (id: string) => string = (id) => id,
  since: number | null = incidents.length === 0 ? null : T0 - 90 * 86_400_000,
): RiskView {
  const record = { incidents, opportunities: {}, since };
  return {
    at: T0,
    now: estimateRisk(record, seed, T0),
    past: estimateRisk(record, seed, T0 - 30 * 86_400_000),
    components: Object.fromEntries(
      seed.components.map((c) => [c.id, { name: names(c.id), implementation: c.implementation }]),
    ),
    chains: delegationChains(SEED_GRAPH),
    violations: checkAuthority(SEED_GRAPH),
    incidents,
    incidentCount: incidents.length,
    stepDown: null,
    lastAcknowledged: null,
  };
}

const incident = (text: string, by: string | null = 'UBOB', damage: number | null = 30_000): RiskIncidentRecorded => ({
  type: 'RiskIncidentRecorded',
  at: T0 - 86_400_000,
  key: `k:${text.length}`,
  component: 'canary_analysis',
  mode: 'approves_bad_deploy',
  source: by === null ? 'production_rollback' : 'manual',
  damage,
  text,
  by,
  repo: null,
  rolloutId: null,
});

/** Our own amounts and trust weights (`$1,950.00`, `0.891`) look like `label.label` to the URL check. */
const withoutOwnNumbers = (payload: unknown): unknown => JSON.parse(JSON.stringify(payload).replace(/\d\.\d/g, '0 0'));

describe('the risk report', () => {
  it("shows the seed: every component's budget, estimate with interval, utilization, the system and the authority check", () => {
    const report = renderRiskReport(viewWith([]));
    const json = JSON.stringify(report);
    expect(report.text).toBe('Delegation risk: $1,950.00 of $2,000.00 a month (97.5 %).');
    expect(json).toContain('of $2,000.00 acceptable · 97.5 %');
    expect(json).toContain('`canary_analysis` canary_analysis (narrow model): $300.00 (90 %: ');
    expect(json).toContain('of $300.00 · 100 %');
    expect(json).toContain('Authority check:* passed');
    expect(json).toContain('trust 0.891, production inherits 0.891');
    expect(json).toContain('code_reviewer → production_deploy → production: trust 0.800, production inherits 0.000');
    expect(json).toContain('No incidents recorded.');
    expect(validateMessage(report, 'message')).toEqual([]);
    expect(report.blocks.length).toBeLessThanOrEqual(50);
  });

  it('shows the trend, the step-down with its scopes and the last acknowledgement', () => {
    const view = {
      ...viewWith([incident('leak')]),
      stepDown: { scopes: ['canary_analysis', 'system'], since: T0 - 3600_000 },
      lastAcknowledged: {
        type: 'RiskAcknowledged',
        at: T0 - 7200_000,
        key: 'a',
        by: 'UCAROL',
        reason: 'tuned',
      } as const,
    };
    const json = JSON.stringify(renderRiskReport(view));
    // Ninety days without incidents lowered P a little; the incident a day ago raised it.
    expect(json).toContain('`canary_analysis` canary_analysis (narrow model): $440.63');
    expect(json).toContain('⛔ over · 30 d: $297.71 ↑ $440.63');
    expect(json).toContain('Autonomy stepped down');
    expect(json).toContain('`canary_analysis`, `system`');
    expect(json).toContain('by <@UCAROL>: tuned');
    expect(json).toContain('canary_analysis · approves_bad_deploy` · $30,000.00 · <@UBOB>: leak');
  });

  it('lists authority violations and caps the incidents it shows', () => {
    const view = {
      ...viewWith(Array.from({ length: 3 }, (_, i) => incident(`n${i}`, null, null))),
      incidentCount: 12,
      violations: [{ rule: 'llm_control_edge', path: ['code_reviewer', 'orchestrator'] }] as const,
      chains: [{ component: 'lone', path: [], trust: 0, production: 0 }],
    };
    const json = JSON.stringify(renderRiskReport(view));
    expect(json).toContain('1 violation(s): llm_control_edge: code_reviewer → orchestrator');
    expect(json).toContain('`lone`: no path to production');
    expect(json).toContain('…and 9 earlier.');
    expect(json).toContain('automatic: n0');
  });

  it('escapes every untrusted string and stays within the limits (property)', () => {
    assertProperty(
      fc.property(hostileString, hostileString, hostileString, (text, name, reason) => {
        const view: RiskView = {
          ...viewWith(
            Array.from({ length: 8 }, () => incident(text)),
            () => name,
          ),
          stepDown: { scopes: ['system'], since: T0 },
          lastAcknowledged: acknowledged({ type: 'RiskAcknowledged', at: T0, key: 'a', by: 'UCAROL', reason }),
        };
        const allowed = new Set(['UBOB', 'UCAROL']);
        expect(unsafeParts(withoutOwnNumbers(renderRiskReport(view)), 'message', allowed)).toEqual([]);
        const home = renderHome({
          viewer: 'UBOB',
          at: T0,
          canApprove: [],
          locks: [],
          recent: [],
          freezes: [],
          risk: view,
        });
        expect(unsafeParts(withoutOwnNumbers(home), 'home', allowed)).toEqual([]);
        const crossing = {
          type: 'RiskBudgetCrossed',
          at: T0,
          key: 'c',
          scope: 'canary_analysis',
          from: 'warn',
          to: 'over',
          estimate: 444.17,
          budget: 300,
        } as const;
        expect(unsafeParts(withoutOwnNumbers(renderRiskWarning(crossing, name)), 'message', allowed)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the warning', () => {
  it('says what crossed, by how much, and (over budget) the step-down and how to lift it', () => {
    const over = renderRiskWarning(
      crossing({
        type: 'RiskBudgetCrossed',
        at: T0,
        key: 'c',
        scope: 'system',
        from: 'warn',
        to: 'over',
        estimate: 2094.17,
        budget: 2000,
      }),
      'system',
    );
    expect(over.text).toMatch(
      /over budget: The whole system is at \$2,094\.17 a month against \$2,000\.00 \(104\.7 %\)/,
    );
    expect(over.text).toContain('/shiplock risk ack &lt;reason&gt;');
    const warn = renderRiskWarning(
      crossing({
        type: 'RiskBudgetCrossed',
        at: T0,
        key: 'c',
        scope: 'tests',
        from: 'ok',
        to: 'warn',
        estimate: 85,
        budget: 0,
      }),
      'Tests',
    );
    expect(warn.text).toMatch(/at ∞ % of budget: `tests` \(Tests\)/);
  });

  it('formats dollars and percentages the same on every host', () => {
    expect([
      formatDollars(1950),
      formatDollars(1234567.891),
      formatDollars(-5),
      formatDollars(Infinity),
      formatDollars(Number.NaN),
    ]).toEqual(['$1,950.00', '$1,234,567.89', '-$5.00', '$∞', '—']);
    expect([formatPercent(0.975), formatPercent(Infinity)]).toEqual(['97.5 %', '∞ %']);
  });
});

function crossing(c: RiskBudgetCrossed): RiskBudgetCrossed {
  return c;
}

function acknowledged(a: RiskAcknowledged): RiskAcknowledged {
  return a;
}
