import { describe, expect, it } from 'vitest';
import type { CanaryAlert, Rollout } from '../../../src/core/types.ts';
import { toCanaryAlertView } from '../../../src/render/canary-alert-view.ts';
import {
  ACTION_ID,
  parseAlertButtonValue,
  parseButtonValue,
  renderCanaryAlert,
  toAlertButtonValue,
  validateMessage,
} from '../../../src/render/index.ts';
import { rolloutIn, SHA_A, T0 } from './render-fixtures.ts';

const ALERT: CanaryAlert = {
  id: '4fbdd339671b5011',
  rolloutId: 'r1',
  status: 'firing',
  name: 'CanaryFailed',
  summary: 'canary 5xx above the baseline',
  labels: { alertname: 'CanaryFailed', service: 'web', track: 'canary', severity: 'warning' },
  annotations: { baseline: '0.1 %', canary: '4.2 %' },
  startsAt: T0,
  endsAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
};

function stopped(): Rollout {
  const r = rolloutIn('time_locked');
  return {
    ...r,
    phase: 'cancelled',
    canary: { ...r.canary, verdict: 'healthy', summary: 'p99 +2 % (within margin)' },
    deploys: { ...r.deploys, rollback: { status: 'claimed', epoch: 9, claimedAt: T0, finishedAt: null, summary: '' } },
    ended: { at: T0, reason: { code: 'canary_alert', alertId: ALERT.id, alertName: ALERT.name } },
  };
}

function render(rollout: Rollout, alert: CanaryAlert) {
  const message = renderCanaryAlert(toCanaryAlertView(rollout, alert));
  return { message, json: JSON.stringify(message.blocks) };
}

function buttons(json: string): { action_id: string; value: string }[] {
  const blocks = JSON.parse(json) as { type: string; elements?: { action_id: string; value: string }[] }[];
  return blocks.find((b) => b.type === 'actions')?.elements ?? [];
}

describe('the canary alert message', () => {
  it('says what fired, which rollout, baseline vs canary, the status and what it did', () => {
    const { message, json } = render(stopped(), ALERT);
    expect(validateMessage(message, 'message')).toEqual([]);
    expect(message.text).toContain('canary alert firing');
    expect(json).toContain('Canary alert firing: CanaryFailed');
    expect(json).toContain('canary 5xx above the baseline');
    expect(json).toContain('`r1`');
    expect(json).toContain(`\`${SHA_A.slice(0, 7)}\``);
    expect(json).toContain('now cancelled');
    expect(json).toContain('baseline 0.\u200B1 %');
    expect(json).toContain('canary 4.\u200B2 %');
    expect(json).toContain('*Last canary verdict*: healthy');
    expect(json).toMatch(/Firing\* since <!date\^\d+\^/);
    expect(json).toContain('This alert cancelled the rollout before production. The canary rollback was started.');
    expect(json).toContain('service=web');
    expect(json).not.toContain('alertname=');
    expect(json).toContain('Not acknowledged yet.');
  });

  it('offers Roll back (with a confirm dialog) and Acknowledge, with values that decode back', () => {
    const [rollback, acknowledge] = buttons(render(stopped(), ALERT).json);
    expect(rollback?.action_id).toBe(ACTION_ID.rollback);
    expect(parseButtonValue(rollback?.value)).toEqual({ rolloutId: 'r1', sha: SHA_A });
    expect(JSON.stringify(rollback)).toContain('"confirm"');
    expect(acknowledge?.action_id).toBe(ACTION_ID.acknowledgeAlert);
    expect(parseAlertButtonValue(acknowledge?.value)).toEqual({ rolloutId: 'r1', alertId: ALERT.id });
  });

  it('acknowledged: names who, when, and drops the Acknowledge button', () => {
    const { json } = render(stopped(), { ...ALERT, acknowledgedBy: 'UBOB', acknowledgedAt: T0 + 1000 });
    expect(json).toMatch(/Acknowledged by <@UBOB> <!date/);
    expect(buttons(json).map((b) => b.action_id)).toEqual([ACTION_ID.rollback]);
  });

  it('resolved: says so with both times and offers no Roll back', () => {
    const resolved = { ...ALERT, status: 'resolved' as const, endsAt: T0 + 60_000 };
    const { message, json } = render(rolloutIn('verifying'), resolved);
    expect(message.text).toContain('resolved');
    expect(json).toMatch(/Resolved\* <!date[^>]+> \(fired <!date/);
    expect(buttons(json).map((b) => b.action_id)).toEqual([ACTION_ID.acknowledgeAlert]);
    expect(json).not.toContain('This alert cancelled');
  });

  it('without compared values, verdict or labels says so plainly; a malformed acknowledger is not mentioned', () => {
    const bare = {
      ...ALERT,
      status: 'resolved' as const,
      labels: {},
      annotations: {},
      summary: '',
      acknowledgedBy: 'not-a-user',
      acknowledgedAt: null,
    };
    const r = rolloutIn('reviewing');
    const { json } = render({ ...r, canary: { ...r.canary, verdict: null } }, bare);
    expect(json).not.toContain('Baseline vs canary');
    expect(json).toContain('not judged yet');
    expect(json).toContain('Acknowledged by an unknown user');
    expect(json).not.toContain('Labels:');
    expect(buttons(json)).toEqual([]);
  });

  it('a rollback of production (not this alert) is mentioned; values only on one side say "not given"', () => {
    const r = rolloutIn('verifying');
    const rolling = {
      ...r,
      deploys: {
        ...r.deploys,
        rollback: { status: 'claimed' as const, epoch: 5, claimedAt: T0, finishedAt: null, summary: '' },
      },
    };
    const { json } = render(rolling, { ...ALERT, annotations: {}, labels: { canary_value: '9 %' } });
    expect(json).toContain('A rollback was started for this rollout.');
    expect(json).toContain('baseline not given · canary 9');
  });

  it('more than twelve labels are counted, not shown', () => {
    const labels = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${String(i).padStart(2, '0')}`, 'v']));
    expect(render(stopped(), { ...ALERT, labels }).json).toContain('· 3 more');
  });

  it('ids that do not fit a button leave the button out', () => {
    const { json } = render({ ...stopped(), id: 'bad id|x' }, { ...ALERT, id: 'bad|id' });
    expect(buttons(json)).toEqual([]);
  });
});

describe('alert button values', () => {
  it('round-trip and refuse everything else', () => {
    const value = toAlertButtonValue({ rolloutId: 'r1', alertId: 'abc123' });
    expect(value).toBe('a1|r1|abc123');
    expect(parseAlertButtonValue(value)).toEqual({ rolloutId: 'r1', alertId: 'abc123' });
    for (const bad of [null, 42, 'a1|r1', 'a1|r1|abc|x', 's1|r1|abc', 'a1|r 1|abc', 'a1|r1|a b', 'x'.repeat(2001)]) {
      expect(parseAlertButtonValue(bad)).toBeNull();
    }
    expect(toAlertButtonValue({ rolloutId: 'r1', alertId: 'a|b' })).toBeNull();
    expect(toAlertButtonValue({ rolloutId: 'r|1', alertId: 'ab' })).toBeNull();
    expect(parseButtonValue(value)).toBeNull();
  });
});
