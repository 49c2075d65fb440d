import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScannerGateConfig, ScannerModelConfig } from '../../../src/config/types.ts';
import { createOpenAiStandIn, type OpenAiStandIn, presetResponders } from '../../../src/sandbox/openai/index.ts';
import { createGateHarness, type GateHarness, logPathOf } from './gate-harness.ts';
import { GATE_SCRIPTS } from './gate-scripts.ts';

/** Realistic-looking, made up: AKIA + 16 upper-case letters and digits, no placeholder marker. */
const FAKE_AWS_KEY = 'AKIAZ7Q3W5E8R2T4Y6U1';

let h: GateHarness;
let model: OpenAiStandIn;
let risky: { number: number; sha: string };
let clean: { number: number; sha: string };
let modelOnly: { number: number; sha: string };
let withScript: { number: number; sha: string };

beforeAll(async () => {
  h = await createGateHarness();
  model = await createOpenAiStandIn();
  const open = (branch: string, files: Record<string, string>) => {
    const sha = h.origin.commit(branch, h.origin.base, files);
    return { number: h.openPullRequest([sha]), sha };
  };
  risky = open('risky', {
    'src/aws.ts': `export const key = "${FAKE_AWS_KEY}";\n`,
    'src/client.ts':
      "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n",
  });
  clean = open('clean', { 'src/add.ts': 'export const add = (a: number, b: number): number => a + b;\n' });
  // Nothing shiplock's own rules flag; the stand-in's narrow model flags shell execution.
  withScript = open('with-script', { 'gates/lint-error.sh': GATE_SCRIPTS['gates/lint-error.sh'] ?? '' });
  modelOnly = open('model-only', { 'src/run.ts': "export { child_process } from './deps.ts';\n" });
});
afterAll(async () => {
  await model?.close();
  await h?.close();
});

function scanner(id: string, more: Partial<ScannerGateConfig> = {}): void {
  const config: ScannerGateConfig = {
    id,
    name: id,
    kind: 'security_scanner',
    phase: 'reviewing',
    timeoutMs: 20_000,
    blockAt: 'high',
    ...more,
  };
  h.gates.set(id, config);
}

const narrow = (timeoutMs = 5_000): ScannerModelConfig => ({
  model: 'stand-in-scanner',
  baseUrl: `${model.url}/v1`,
  timeoutMs,
});

describe('the security scanner on the real diff', () => {
  it('fails on an added AWS key and disabled TLS checks, listing rule ids, never echoing the key', async () => {
    scanner('scan');
    const rollout = h.rolloutAt(risky.number, risky.sha);
    const seen = await h.run('scan', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toBe('1 critical, 1 high; blocks at high');
    const details = seen.record?.details ?? '';
    expect(details).toMatch(/^\[critical\] SL-SECRET-AWS src\/aws\.ts:1 — /m);
    expect(details).toMatch(/^\[high\] SL-TLS-OFF src\/client\.ts:2 — /m);
    expect(details).not.toContain(FAKE_AWS_KEY);
    expect(details).not.toContain(FAKE_AWS_KEY.slice(8));
    expect(seen.record).toMatchObject({ rolloutId: rollout.id, kind: 'gate', name: 'scan', logPath: null });
    expect(seen.leftovers).toEqual([]);
  });

  it('passes a clean diff', async () => {
    scanner('scan');
    const rollout = h.rolloutAt(clean.number, clean.sha);
    const seen = await h.run('scan', rollout);
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toBe('no findings; blocks at high');
    expect(seen.record).toMatchObject({ details: '', logPath: null });
  });

  it('is an error when the PR head moved after the rollout was built', async () => {
    scanner('scan');
    const opened = h.openPullRequest([clean.sha]);
    const rollout = h.rolloutAt(opened, clean.sha);
    const moved = h.standIn.push('acme/api', opened, { commits: [{ author: { login: 'alice' } }] });
    const seen = await h.run('scan', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toBe(`the PR head moved to ${moved.slice(0, 7)} while scanning; not judged`);
    expect(seen.record?.details).toBe(seen.outcome.summary);
  });
});

describe('the security scanner with a command of the operator', () => {
  it('runs it in the sandbox on the checkout; its SARIF error fails the gate even when the diff is clean', async () => {
    scanner('scan-command', { command: ['sh', 'gates/lint-error.sh'], sarif: 'reports/lint.sarif' });
    const rollout = h.rolloutAt(withScript.number, withScript.sha);
    const seen = await h.run('scan-command', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toMatch(
      /^no findings; blocks at high; command: exit 0 after .+; 1 high, 1 low; blocks at high$/,
    );
    expect(seen.record?.details).toContain('[high] no-eval src/app.ts:12');
    expect(seen.record?.logPath).toBe(logPathOf(h, rollout, 'scan-command'));
    expect(seen.leftovers).toEqual([]);
  });
});

describe('the security scanner with a narrow model (OpenAI stand-in)', () => {
  it('passes the model findings through and fails on them', async () => {
    model.setResponder(presetResponders.review);
    scanner('scan-model', { model: narrow() });
    const rollout = h.rolloutAt(modelOnly.number, modelOnly.sha);
    const seen = await h.run('scan-model', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toBe('1 high; blocks at high; model: 1 finding');
    expect(seen.record?.details).toMatch(/^\[high\] MODEL-EXEC src\/run\.ts:1 — Possible shell command execution\./);
    expect(model.chatRequests().at(-1)?.model).toBe('stand-in-scanner');
  });

  it('passes a clean diff the model finds nothing in', async () => {
    model.setResponder(presetResponders.review);
    scanner('scan-model', { model: narrow() });
    const seen = await h.run('scan-model', h.rolloutAt(clean.number, clean.sha));
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toBe('no findings; blocks at high; model: 0 findings');
  });

  it.each([
    ['invalid JSON', presetResponders.invalidJson, 5_000],
    ['a model that hangs past its timeout', presetResponders.hang, 800],
  ])('is an error, never a pass, on %s', async (_, responder, timeoutMs) => {
    model.setResponder(responder);
    scanner('scan-model', { model: narrow(timeoutMs) });
    const rollout = h.rolloutAt(clean.number, clean.sha);
    const started = Date.now();
    const seen = await h.run('scan-model', rollout);
    expect(Date.now() - started).toBeLessThan(timeoutMs + 3_000);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toMatch(
      /^the security model gave no usable answer \(shiplock_[a-z_]+: .+\); not judged$/,
    );
    expect(seen.record?.details).toBe(seen.outcome.summary);
    expect(seen.record?.logPath).toBeNull();
  });
});
