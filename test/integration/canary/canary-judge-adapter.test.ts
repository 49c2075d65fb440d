/**
 * The `CanaryJudge` port with a scripted Prometheus client and the OpenAI stand-in as the narrow
 * model: healthy and regressed canaries, no data, and a model that can only turn healthy into
 * unhealthy — its errors leave the statistical verdict alone.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanaryJudge, createCanaryModel } from '../../../src/adapters/canary/index.ts';
import type { PrometheusClient, RangeResult } from '../../../src/adapters/metrics/index.ts';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import type { JudgeCanary } from '../../../src/core/types.ts';
import { createOpenAiStandIn, type OpenAiStandIn, presetResponders } from '../../../src/sandbox/openai/index.ts';

const START = 1_700_000_000_000;
const NOW = START + 61 * 60_000;

/** Per-minute values by track, keyed by what the query asks for. */
function scripted(knobs: { slow?: number; errors?: number; dark?: boolean }): PrometheusClient {
  return {
    queryRange: async (query, window): Promise<RangeResult> => {
      const canary = query.includes('track="canary"');
      if (canary && knobs.dark) return { ok: true, series: [], warnings: [] };
      const n = Math.floor((window.end - window.start) / 60_000);
      let s = query.length * 7919 + (canary ? 1 : 2);
      const u = () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return (s + 0.5) / 2147483648;
      };
      const value = () => {
        if (query.includes('code=~"5..'))
          return Math.round(20 * (canary ? (knobs.errors ?? 1) : 1) * (0.7 + 0.6 * u()));
        if (query.includes('http_requests_total')) return 2000;
        if (query.includes('process_resident_memory_bytes')) return 100e6 + 5e5 * (u() - 0.5);
        const slow = canary && query.includes('0.99') ? (knobs.slow ?? 1) : 1;
        return 0.1 * slow * Math.exp(0.2 * (u() - 0.5));
      };
      const values = Array.from({ length: n }, (_, i) => ({ t: window.start + i * 60_000, v: value() }));
      return { ok: true, series: [{ metric: {}, values }], warnings: [] };
    },
  };
}

const command: JudgeCanary = {
  type: 'JudgeCanary',
  rolloutId: 'r1',
  sha: 'a'.repeat(40) as JudgeCanary['sha'],
  look: 6,
};
const judgeWith = (knobs: Parameters<typeof scripted>[0], model?: ReturnType<typeof createCanaryModel>) =>
  createCanaryJudge({
    client: scripted(knobs),
    now: () => NOW,
    target: async (id) =>
      id === 'r1' ? { service: 's', metrics: DEFAULT_CANARY_METRICS, canaryStartedAt: START, looks: 6 } : null,
    ...(model ? { model } : {}),
  });

let standIn: OpenAiStandIn;
beforeAll(async () => {
  standIn = await createOpenAiStandIn();
});
afterAll(() => standIn.close());
const model = () =>
  createCanaryModel({
    openai: new OpenAI({ apiKey: standIn.apiKey, baseURL: `${standIn.url}/v1`, maxRetries: 0 }),
    model: 'stand-in-reviewer',
    timeoutMs: 3_000,
  });

describe('createCanaryJudge', () => {
  it('healthy, 5× errors, a slow p99 and a dark canary', async () => {
    const healthy = judgeWith({});
    const first = await healthy.judge(command);
    expect(first.verdict, healthy.lastTrace('r1')?.judgement.details).toBe('healthy');
    const trace = healthy.lastTrace('r1');
    expect(trace?.window.start).toBe(START + 60_000);
    expect(trace?.judgement.metrics.map((m) => m.kind)).toEqual([
      'counts',
      'continuous',
      'continuous',
      'continuous',
      'continuous',
      'memory',
    ]);
    expect((await judgeWith({ errors: 5 }).judge(command)).verdict).toBe('unhealthy');
    expect((await judgeWith({ slow: 3 }).judge(command)).summary).toMatch(/^unhealthy: latency_p99 \+/);
    expect(await judgeWith({ dark: true }).judge(command)).toMatchObject({ verdict: 'inconclusive' });
    expect((await healthy.judge({ ...command, rolloutId: 'nobody' })).verdict).toBe('inconclusive');
  });

  it('the narrow model sees only metric summaries and can only turn healthy into unhealthy', async () => {
    standIn.setResponder(() => JSON.stringify({ unhealthy: true, reason: 'p99 creeping' }));
    const flipped = await judgeWith({}, model()).judge(command);
    expect(flipped.verdict).toBe('unhealthy');
    expect(flipped.summary).toMatch(/^unhealthy \(narrow model\): p99 creeping/);
    const sent = JSON.parse(standIn.chatRequests().at(-1)?.messages.at(-1)?.content as string);
    expect(Object.keys(sent)).toEqual(['metrics']);
    expect(Object.keys(sent.metrics[0]).sort()).toEqual(['direction', 'kind', 'name', 'tests', 'verdict']);
    standIn.setResponder(() => JSON.stringify({ unhealthy: false, reason: 'fine' }));
    expect((await judgeWith({ errors: 5 }, model()).judge(command)).verdict).toBe('unhealthy');
    for (const broken of [
      presetResponders.invalidJson,
      presetResponders.schemaViolation,
      presetResponders.serverError,
    ]) {
      standIn.setResponder(broken);
      const j = judgeWith({}, model());
      expect((await j.judge(command)).verdict).toBe('healthy');
      expect(j.lastTrace('r1')?.model).toMatchObject({ ok: false });
    }
  });
});
