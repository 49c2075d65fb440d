import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TEXT_MAX, parseSlashCommand } from '../../../../src/adapters/slack/parse-slash-command.ts';
import { hostileString } from '../../render/hostile-strings.ts';

describe('parseSlashCommand', () => {
  it.each([
    ['status', { kind: 'status', target: null }],
    ['  STATUS   acme/api#7 ', { kind: 'status', target: { kind: 'pr', repo: 'acme/api', number: 7 } }],
    ['status r-01', { kind: 'status', target: { kind: 'rollout', rolloutId: 'r-01' } }],
    ['list', { kind: 'list' }],
    ['why acme/api#12', { kind: 'why', target: { kind: 'pr', repo: 'acme/api', number: 12 } }],
    ['cancel r1', { kind: 'cancel', target: { kind: 'rollout', rolloutId: 'r1' } }],
    ['freeze on', { kind: 'freeze_on', repo: null, reason: '' }],
    ['freeze on incident 42', { kind: 'freeze_on', repo: null, reason: 'incident 42' }],
    ['freeze on acme/api  db  migration', { kind: 'freeze_on', repo: 'acme/api', reason: 'db migration' }],
    ['freeze off', { kind: 'freeze_off', repo: null }],
    ['freeze off acme/api', { kind: 'freeze_off', repo: 'acme/api' }],
    ['risk', { kind: 'risk' }],
    ['help', { kind: 'help' }],
  ])('%s', (text, expected) => {
    expect(parseSlashCommand(text)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['deploy', 'unknown_subcommand'],
    ['list everything', 'unknown_subcommand'],
    ['why', 'missing_target'],
    ['cancel', 'missing_target'],
    ['why acme/api#0', 'bad_target'],
    ['why acme/api#7 extra', 'bad_target'],
    ['status <!channel>', 'bad_target'],
    ['status ../etc#1', 'bad_target'],
    ['cancel a/b/c', 'bad_target'],
    ['freeze', 'bad_freeze'],
    ['freeze maybe', 'bad_freeze'],
    ['freeze off not-a-repo', 'bad_freeze'],
    ['freeze off acme/api now', 'bad_freeze'],
    ['x'.repeat(COMMAND_TEXT_MAX + 1), 'too_long'],
  ])('%j is usage (%s)', (text, code) => {
    expect(parseSlashCommand(text)).toMatchObject({ kind: 'usage', problem: { code } });
  });

  it('non-strings are usage, and controls never reach a token', () => {
    expect(parseSlashCommand(undefined)).toMatchObject({ kind: 'usage' });
    expect(parseSlashCommand('status\u0000acme/api#7')).toEqual({
      kind: 'status',
      target: { kind: 'pr', repo: 'acme/api', number: 7 },
    });
  });

  it('never throws on hostile input, and a freeze reason stays bounded', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const parsed = parseSlashCommand(`freeze on ${text}`);
        if (parsed.kind === 'freeze_on') expect(parsed.reason.length).toBeLessThanOrEqual(500);
        parseSlashCommand(text);
      }),
      { numRuns: 500 },
    );
  });
});
