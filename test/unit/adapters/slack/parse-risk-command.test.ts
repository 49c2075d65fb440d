/** `/shiplock risk`, `risk ack <reason>` and `incident <component>[.mode] <damage> <text>` as typed (issue #7). */
import { describe, expect, it } from 'vitest';
import { parseDollars, parseSlashCommand } from '../../../../src/adapters/slack/parse-slash-command.ts';

describe('parseSlashCommand: the risk subcommands', () => {
  it.each([
    ['risk', { kind: 'risk' }],
    ['RISK', { kind: 'risk' }],
    ['risk ack canary   tuned <!here>', { kind: 'risk_ack', reason: 'canary tuned <!here>' }],
    ['risk ack', { kind: 'usage', problem: { code: 'bad_risk' } }],
    ['risk now', { kind: 'usage', problem: { code: 'bad_risk' } }],
    [
      'incident canary_analysis $30,000 passed a leaking canary',
      { kind: 'incident', component: 'canary_analysis', mode: null, damage: 30_000, text: 'passed a leaking canary' },
    ],
    [
      'incident Security_Scanner.hides_finding 1200.50 hid a <b>finding</b>',
      {
        kind: 'incident',
        component: 'security_scanner',
        mode: 'hides_finding',
        damage: 1200.5,
        text: 'hid a <b>finding</b>',
      },
    ],
    ['incident canary_analysis lots of money', { kind: 'usage', problem: { code: 'bad_incident' } }],
    ['incident canary_analysis 100', { kind: 'usage', problem: { code: 'bad_incident' } }],
    ['incident ../etc 100 x', { kind: 'usage', problem: { code: 'bad_incident' } }],
    ['incident', { kind: 'usage', problem: { code: 'bad_incident' } }],
  ])('%s', (text, expected) => {
    expect(parseSlashCommand(text)).toEqual(expected);
  });

  it('keeps at most 500 characters of text and never a lone high surrogate at the cut', () => {
    const parsed = parseSlashCommand(`incident tests 1 ${'x'.repeat(499)}😀 tail`);
    expect(parsed).toMatchObject({ kind: 'incident', text: 'x'.repeat(499) });
  });
});

describe('parseDollars', () => {
  it.each([
    ['30000', 30_000],
    ['$30,000', 30_000],
    ['1,234,567.89', 1_234_567.89],
    ['0', 0],
    ['$1,000,000,000', 1e9],
    ['1,0000', null],
    ['-5', null],
    ['1e6', null],
    ['$', null],
    ['10000000000', null],
    ['1.234', null],
  ])('%s → %s', (word, amount) => {
    expect(parseDollars(word)).toBe(amount);
  });
});
