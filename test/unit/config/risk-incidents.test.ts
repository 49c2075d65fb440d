/** `risk.incidents` and `risk.authorized` (issue #7): defaults, overrides, and refusals at boot. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { configErrors, minimalDocument, validConfig } from './minimal-config.ts';

const withRisk = (risk: unknown) => stringify({ ...minimalDocument(), risk });

describe('risk.incidents', () => {
  it('defaults: a rollback and a late alert charge the canary, a failed deploy the tests; anyone named may write', () => {
    const { risk } = validConfig(stringify(minimalDocument()));
    expect(risk.incidents.production_rollback).toEqual([{ component: 'canary_analysis', mode: 'approves_bad_deploy' }]);
    expect(risk.incidents.deploy_failed).toEqual([{ component: 'tests', mode: 'false_pass' }]);
    expect(risk.authorized).toBeNull();
  });

  it('a written trigger replaces its default; authorized names who may record and acknowledge', () => {
    const { risk } = validConfig(
      withRisk({
        incidents: {
          production_rollback: ['production_deploy.approves_bad_deploy', 'canary_analysis.approves_bad_deploy'],
        },
        authorized: ['U0SRE0001', 'U0SRE0001'],
      }),
    );
    expect(risk.incidents.production_rollback.map((r) => r.component)).toEqual([
      'production_deploy',
      'canary_analysis',
    ]);
    expect(risk.incidents.alert_after_promotion).toEqual([
      { component: 'canary_analysis', mode: 'approves_bad_deploy' },
    ]);
    expect(risk.authorized).toEqual(['U0SRE0001']);
  });

  it('refuses a harm mode that does not exist, naming the known ones', () => {
    const errors = configErrors(withRisk({ incidents: { deploy_failed: ['tests.flaky'] } }));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'risk.incidents.deploy_failed[0]',
        message: expect.stringContaining('names no harm mode; known: canary_analysis.approves_bad_deploy'),
      }),
    );
  });

  it('with written components, defaults that name missing modes are dropped', () => {
    const { risk } = validConfig(
      withRisk({
        components: [
          { id: 'orchestrator', implementation: 'verified_code', budget: 10, harm_modes: [] },
          {
            id: 'tests',
            implementation: 'code',
            budget: 10,
            harm_modes: [{ id: 'false_pass', probability: 0.01, damage: 100 }],
          },
        ],
        edges: [],
      }),
    );
    expect(risk.incidents).toEqual({
      production_rollback: [],
      deploy_failed: [{ component: 'tests', mode: 'false_pass' }],
      alert_after_promotion: [],
    });
  });
});
