import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../../../src/demo/parse-demo-args.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** `npm run demo -- …` as a child process (`tsx` as `npm run demo` runs it). */
function demoCli(...argv: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/demo/main.ts', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run demo -- flags', () => {
  it.each([
    [[], { mode: 'happy', interactive: false, prometheus: 'auto', sandbox: 'auto' }],
    [['--bad-canary'], { mode: 'bad-canary', interactive: false, prometheus: 'auto', sandbox: 'auto' }],
    [['--cancel', '--interactive'], { mode: 'cancel', interactive: true, prometheus: 'auto', sandbox: 'auto' }],
    [
      ['--prometheus=stand-in', '--sandbox=none'],
      { mode: 'happy', interactive: false, prometheus: 'stand-in', sandbox: 'none' },
    ],
  ])('%j runs %j', (argv, args) => {
    expect(parseDemoArgs(argv)).toEqual({ kind: 'run', args });
  });

  it.each([[['--help']], [['-h']], [['--cancel', '--help']]])('%j asks for help', (argv) => {
    expect(parseDemoArgs(argv)).toEqual({ kind: 'help' });
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus"'],
    [['bad-canary'], 'unknown option "bad-canary"'],
    [['--bad-canary', '--cancel'], '--bad-canary and --cancel tell different stories; pick one'],
    [['--prometheus=docker'], '--prometheus takes auto, binary, stand-in, not "docker"'],
    [['--sandbox'], 'unknown option "--sandbox"'],
  ])('%j is a usage error', (argv, problem) => {
    expect(parseDemoArgs(argv)).toEqual({ kind: 'error', problem });
  });
});

describe('npm run demo -- as a command', () => {
  it('--help prints the usage and exits 0', () => {
    const run = demoCli('--help');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run demo/);
    expect(run.stdout).toContain('--bad-canary');
  });

  it('a bad flag is a usage error: exit 2, the problem and the usage on stderr, nothing started', () => {
    const run = demoCli('--fast');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^npm run demo: unknown option "--fast"\n\nUsage: npm run demo/);
  });
});
