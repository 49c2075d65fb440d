import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProcess } from '../../../src/adapters/process/run-process.ts';
import { createTempDir } from '../db/temp-db.ts';
import { isAlive, killIfAlive } from './process-probe.ts';

const ENV = { PATH: '/usr/bin:/bin' };
let temp: ReturnType<typeof createTempDir>;
const leftovers: number[] = [];

beforeEach(() => {
  temp = createTempDir('shiplock-proc-');
});
afterEach(() => {
  for (const pid of leftovers.splice(0)) killIfAlive(pid);
  temp.remove();
});

const sh = (script: string, timeoutMs = 10_000, maxOutputBytes = 65_536) =>
  runProcess({ argv: ['sh', '-c', script], cwd: temp.dir, env: ENV, timeoutMs, maxOutputBytes }, { killGraceMs: 300 });

const readPids = (file: string): number[] =>
  readFileSync(join(temp.dir, file), 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((n) => n > 0);

describe('runProcess', () => {
  it('passes exit codes through and captures stdout and stderr together', async () => {
    const result = await sh('echo out; echo err >&2; exit 7');
    expect(result).toMatchObject({ exitCode: 7, signal: null, timedOut: false, droppedBytes: 0 });
    expect(result.outputTail).toContain('out\n');
    expect(result.outputTail).toContain('err\n');
    expect(result.spawnError).toBeUndefined();
  });

  it('runs in cwd with exactly the given environment, nothing inherited', async () => {
    process.env.SHIPLOCK_TEST_PARENT_ONLY = 'leaked';
    try {
      const result = await runProcess(
        {
          argv: ['sh', '-c', 'pwd; env'],
          cwd: temp.dir,
          env: { ...ENV, ONLY_ME: '1' },
          timeoutMs: 5000,
          maxOutputBytes: 10_000,
        },
        {},
      );
      expect(result.outputTail).toContain(`${temp.dir}\n`);
      expect(result.outputTail).toContain('ONLY_ME=1');
      expect(result.outputTail).not.toContain('SHIPLOCK_TEST_PARENT_ONLY');
    } finally {
      delete process.env.SHIPLOCK_TEST_PARENT_ONLY;
    }
  });

  it('keeps only the tail of the output in memory and counts the rest', async () => {
    const result = await sh("head -c 100000 /dev/zero | tr '\\0' a; printf END", 10_000, 1000);
    expect(result.outputTail).toHaveLength(1000);
    expect(result.outputTail.endsWith('aaaEND')).toBe(true);
    expect(result.droppedBytes).toBe(100_003 - 1000);
  });

  it('streams the whole output to a private log file, creating its directory', async () => {
    const logFile = join(temp.dir, 'logs', 'deep', 'run.log');
    const result = await runProcess(
      { argv: ['sh', '-c', 'seq 1 20000'], cwd: temp.dir, env: ENV, timeoutMs: 10_000, maxOutputBytes: 100, logFile },
      {},
    );
    const text = readFileSync(logFile, 'utf8');
    expect(text.split('\n')).toHaveLength(20_001);
    expect(text.endsWith('19999\n20000\n')).toBe(true);
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
    expect(result.droppedBytes).toBeGreaterThan(100_000);
  });

  it('resets the mode of an existing log file to 0600', async () => {
    const logFile = join(temp.dir, 'old.log');
    writeFileSync(logFile, 'old content that is longer', { mode: 0o644 });
    await runProcess({ argv: ['echo', 'new'], cwd: temp.dir, env: ENV, timeoutMs: 5000, maxOutputBytes: 100, logFile });
    expect(readFileSync(logFile, 'utf8')).toBe('new\n');
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
  });

  it('reports a command that cannot start instead of rejecting', async () => {
    const result = await runProcess({
      argv: ['/nonexistent/tool'],
      cwd: temp.dir,
      env: ENV,
      timeoutMs: 5000,
      maxOutputBytes: 100,
    });
    expect(result.exitCode).toBeNull();
    expect(result.spawnError).toMatch(/ENOENT/);
  });

  it('kills the whole group at the time limit, grandchildren included', async () => {
    const started = Date.now();
    const result = await sh('sleep 100 & echo $! > pids; sleep 100 & echo $! >> pids; wait', 500);
    const pids = readPids('pids');
    leftovers.push(...pids);
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGTERM');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(pids).toHaveLength(2);
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('escalates to SIGKILL for a group that ignores SIGTERM and holds stdout open', async () => {
    const started = Date.now();
    const script = "trap '' TERM; (trap '' TERM; sleep 100; sleep 100) & echo $! > pids; while :; do sleep 0.1; done";
    const result = await sh(script, 500);
    leftovers.push(...readPids('pids'));
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(readPids('pids').filter(isAlive)).toEqual([]);
  });

  it('ends processes the command left behind when it exits normally', async () => {
    const result = await sh('sleep 100 & echo $! > pids; echo done', 10_000);
    leftovers.push(...readPids('pids'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(readPids('pids').filter(isAlive)).toEqual([]);
  });

  it('settles even when a process that left the group keeps stdout open', async () => {
    const started = Date.now();
    // setsid puts the sleeper in its own session: no group kill reaches it, and it holds stdout.
    const result = await runProcess(
      {
        argv: ['sh', '-c', 'setsid sleep 100 & echo $! > pids; echo bye'],
        cwd: temp.dir,
        env: ENV,
        timeoutMs: 10_000,
        maxOutputBytes: 1000,
      },
      { killGraceMs: 300, drainMs: 200 },
    );
    leftovers.push(...readPids('pids'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.outputTail).toContain('bye');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('measures duration with the injected clock', async () => {
    let t = 1000;
    const result = await runProcess(
      { argv: ['true'], cwd: temp.dir, env: ENV, timeoutMs: 5000, maxOutputBytes: 10 },
      { now: () => (t += 250) },
    );
    expect(result.durationMs).toBe(250);
  });
});
