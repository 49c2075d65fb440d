import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandGateConfig } from '../../../src/config/types.ts';
import type { Rollout } from '../../../src/core/types.ts';
import { createGateHarness, type GateHarness, type GateRunSeen, logPathOf } from './gate-harness.ts';
import { GATE_SCRIPTS, NOTES_ONLY_SARIF } from './gate-scripts.ts';

let h: GateHarness;
let first: string;
let second: string;
let number: number;

beforeAll(async () => {
  h = await createGateHarness();
  // The PR has two commits: the first adds the scripts and marker "first", the second changes it.
  first = h.origin.commit('change-1', h.origin.base, { ...GATE_SCRIPTS, 'marker.txt': 'first\n' });
  second = h.origin.commit('change-1', first, { 'marker.txt': 'second\n' });
  number = h.openPullRequest([first, second]);
});
afterAll(async () => {
  await h?.close();
});

function gate(id: string, kind: CommandGateConfig['kind'], command: string[], more: Partial<CommandGateConfig> = {}) {
  const config: CommandGateConfig = { id, name: id, kind, phase: 'testing', timeoutMs: 20_000, command, ...more };
  h.gates.set(id, config);
  return config;
}

/** The record and the log of a run, checked against the runner's layout; returns the log text. */
function expectRecorded(seen: GateRunSeen, rollout: Rollout, gateId: string): string {
  const logPath = logPathOf(h, rollout, gateId);
  expect(seen.record).toMatchObject({ rolloutId: rollout.id, kind: 'gate', name: gateId, attempt: 1, logPath });
  expect(seen.record?.finishedAt).toBeGreaterThanOrEqual(seen.record?.startedAt ?? Number.POSITIVE_INFINITY);
  expect(statSync(logPath).mode & 0o777).toBe(0o600);
  expect(seen.leftovers).toEqual([]);
  return readFileSync(logPath, 'utf8');
}

describe('unit tests with a JUnit report', () => {
  it('passes on exit 0 with 3 passing tests, and says so', async () => {
    gate('unit-pass', 'unit_tests', ['sh', 'gates/unit-pass.sh'], { junit: 'reports/junit.xml' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('unit-pass', rollout);
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toMatch(/^exit 0 after .+; 3 tests passed$/);
    expect(seen.outcome.durationMs).toBeGreaterThan(0);
    expect(seen.record?.details).toContain('ran 3 tests');
    expect(expectRecorded(seen, rollout, 'unit-pass')).toBe('ran 3 tests\n');
  });

  it('fails on exit 0 when the report holds a failure, naming the failing test', async () => {
    gate('unit-fail', 'unit_tests', ['sh', 'gates/unit-fail-report.sh'], { junit: 'reports/junit.xml' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('unit-fail', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toContain('3 tests, 1 failed: Cart › totals the cart');
    expect(seen.record?.details).toContain('Cart › totals the cart — expected 2, got 3');
    expect(expectRecorded(seen, rollout, 'unit-fail')).toContain('exit 0 anyway');
  });

  it('is an error when the named report was never written', async () => {
    gate('unit-missing', 'unit_tests', ['sh', 'gates/unit-no-report.sh'], { junit: 'reports/junit.xml' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('unit-missing', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toContain('JUnit report: reports/junit.xml was not written');
    expect(seen.record?.details).toContain('no report written');
    expect(expectRecorded(seen, rollout, 'unit-missing')).toContain('no report written');
  });

  it('is an error when the report lists zero tests: nothing ran is not a pass', async () => {
    gate('unit-zero', 'unit_tests', ['sh', 'gates/unit-zero.sh'], { junit: 'reports/junit.xml' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('unit-zero', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toContain('JUnit report lists no tests (0 tests passed)');
    expect(expectRecorded(seen, rollout, 'unit-zero')).toContain('no tests found');
  });
});

describe('static analysis with a SARIF report', () => {
  it('fails on exit 0 when the SARIF holds an error-level result, listing rule file:line', async () => {
    gate('lint-error', 'static_analysis', ['sh', 'gates/lint-error.sh'], { sarif: 'reports/lint.sarif' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('lint-error', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toMatch(/^exit 0 after .+; 1 high, 1 low; blocks at high$/);
    expect(seen.record?.details).toContain('[high] no-eval src/app.ts:12 — no-eval found a problem');
    expect(seen.record?.details).toContain('[low] prefer-const src/app.ts:3');
    expect(expectRecorded(seen, rollout, 'lint-error')).toBe('lint done\n');
  });

  it('passes when the SARIF holds notes only', async () => {
    gate('lint-notes', 'static_analysis', ['sh', 'gates/lint-notes.sh'], { sarif: 'reports/lint.sarif' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('lint-notes', rollout);
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toMatch(/; 1 low; blocks at high$/);
    expect(seen.record?.details).toContain('[low] prefer-const src/app.ts:3');
    expectRecorded(seen, rollout, 'lint-notes');
  });

  it.each([
    ['/etc/passwd', () => '/etc/passwd'],
    ['a passing report outside the checkout', () => outsideReport()],
  ])('is an error, without reading it, when the report is a symlink to %s', async (_, target) => {
    gate('lint-link', 'static_analysis', ['sh', 'gates/lint-symlink.sh', target()], { sarif: 'reports/lint.sarif' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('lint-link', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toContain('SARIF report: reports/lint.sarif points outside the checkout');
    expect(seen.record?.details).not.toContain('root:');
    expect(seen.record?.details).not.toContain('prefer-const');
    expectRecorded(seen, rollout, 'lint-link');
  });

  it('is an error when the configured path climbs out of the checkout to a passing report', async () => {
    outsideReport(); // <tmp>/outside.sarif; the tree is <tmp>/workspaces/shiplock-ws-…/tree
    gate('lint-climb', 'static_analysis', ['sh', 'gates/lint-notes.sh'], { sarif: '../../../outside.sarif' });
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('lint-climb', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toContain('SARIF report: ../../../outside.sarif points outside the checkout');
    expectRecorded(seen, rollout, 'lint-climb');
  });
});

/** A valid, passing SARIF log outside every checkout; a gate that read it would pass. */
function outsideReport(): string {
  const path = join(h.dir, 'outside.sarif');
  writeFileSync(path, NOTES_ONLY_SARIF);
  return path;
}

describe('fuzz', () => {
  it('gives the command the seed and records the line that reproduces the run at the SHA', async () => {
    gate('fuzz', 'fuzz', ['sh', 'gates/fuzz.sh']);
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('fuzz', rollout, 918_273_645);
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toMatch(/^exit 0 after /);
    const details = seen.record?.details ?? '';
    expect(details).toContain(`Reproduce locally at ${second}:\nSHIPLOCK_FUZZ_SEED=918273645 sh gates/fuzz.sh`);
    expect(details).toContain(`fuzzing with seed=918273645 sha=${second}`);
    expect(expectRecorded(seen, rollout, 'fuzz')).toBe(`fuzzing with seed=918273645 sha=${second}\n`);
  });

  it('does not hand the seed to a gate that is not a fuzzer', async () => {
    gate('unit-seed', 'unit_tests', ['sh', 'gates/fuzz.sh']);
    const rollout = h.rolloutAt(number, second);
    const seen = await h.run('unit-seed', rollout, 42);
    expect(seen.record?.details).toContain(`fuzzing with seed= sha=${second}`);
    expect(seen.record?.details).not.toContain('SHIPLOCK_FUZZ_SEED=');
  });
});

describe('the exact SHA', () => {
  it("runs the first commit's rollout on the first commit's tree, not the head's", async () => {
    gate('tree', 'integration_tests', ['sh', 'gates/tree.sh']);
    const early = h.rolloutAt(number, first);
    const seenEarly = await h.run('tree', early);
    expect(seenEarly.outcome.status).toBe('passed');
    expect(expectRecorded(seenEarly, early, 'tree')).toBe(`marker=first sha=${first}\n`);
    const head = h.rolloutAt(number, second);
    const seenHead = await h.run('tree', head);
    expect(expectRecorded(seenHead, head, 'tree')).toBe(`marker=second sha=${second}\n`);
  });
});
