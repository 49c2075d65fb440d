/**
 * `buildCanaryJudge` from a parsed configuration (issue 5): the Prometheus bearer token from
 * PROMETHEUS_TOKEN, `canary.step` as the query step, the window starting after the queries' longest
 * range, and `canary.model` wired to the OpenAI stand-in through the real `openai` client — asked
 * only when the statistics say healthy, able to turn healthy into unhealthy, and its errors leave
 * the statistical verdict alone.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { buildCanaryJudge } from '../../../src/app/build-canary-judge.ts';
import { parseConfig } from '../../../src/config/parse-config.ts';
import type { Config } from '../../../src/config/types.ts';
import { newRollout } from '../../../src/core/decide.ts';
import type { JudgeCanary, PullRequestState } from '../../../src/core/types.ts';
import { createOpenAiStandIn, type OpenAiStandIn, presetResponders } from '../../../src/sandbox/openai/index.ts';
import { POLICY, prAt, SHA_A } from '../../support/core-fixtures.ts';
import { documentWith } from '../../unit/config/minimal-config.ts';
import { type ScriptedPrometheus, startScriptedPrometheus } from './start-scripted-prometheus.ts';

const TOKEN = 'prom-bearer-7c41d9';
const CANARY_AT = 1_700_000_000_000;
const NOW = CANARY_AT + 20 * 60_000;
const LOOKS = 1 + Math.ceil(POLICY.timeLockMs / POLICY.canaryWatchMs);
const command: JudgeCanary = { type: 'JudgeCanary', rolloutId: 'r1', sha: SHA_A as JudgeCanary['sha'], look: LOOKS };

const rollout = newRollout('r1', prAt(SHA_A), CANARY_AT - 600_000);
const PR: PullRequestState = {
  repo: 'acme/api',
  number: 7,
  freeze: null,
  closed: false,
  rollouts: [
    {
      ...rollout,
      phase: 'canary',
      deploys: {
        canary: { status: 'succeeded', epoch: 1, claimedAt: CANARY_AT - 30_000, finishedAt: CANARY_AT, summary: '' },
      },
    },
  ],
};
const store = {
  findPrKeyByRollout: (id: string) => (id === 'r1' ? 'acme/api#7' : null),
  loadPullRequest: (key: string) => (key === 'acme/api#7' ? PR : null),
};

let prometheus: ScriptedPrometheus;
let standIn: OpenAiStandIn;
let logLines: string[] = [];

beforeAll(async () => {
  prometheus = await startScriptedPrometheus({ token: TOKEN });
  standIn = await createOpenAiStandIn();
});
afterAll(async () => {
  await prometheus.close();
  await standIn.close();
});
beforeEach(() => {
  prometheus.setKnobs({});
  standIn.setResponder(() => JSON.stringify({ unhealthy: false, reason: 'fine' }));
  logLines = [];
});

function configWith(canary: Record<string, unknown>, env: Record<string, string>): Config {
  const result = parseConfig(
    documentWith((d) => (d.canary = { prometheus_url: prometheus.url, ...canary })),
    env,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

const withModel = () =>
  configWith(
    { step: '10s', model: { model: 'stand-in-reviewer', base_url: `${standIn.url}/v1`, timeout: '3s' } },
    { PROMETHEUS_TOKEN: TOKEN, OPENAI_API_KEY: standIn.apiKey },
  );

function judgeFor(config: Config) {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  return buildCanaryJudge({
    config,
    store,
    policyFor: () => POLICY,
    clock: { now: () => NOW },
    logger: createLogger('info', destination),
  });
}

const chats = () => standIn.chatRequests().length;

describe('buildCanaryJudge: Prometheus', () => {
  it('sends PROMETHEUS_TOKEN as a bearer token, at canary.step, from one rate range after the canary started', async () => {
    const verdict = await judgeFor(withModel()).judge(command);
    expect(verdict.verdict, verdict.summary).toBe('healthy');
    const sent = prometheus.requests.slice(-12);
    expect(sent.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(new Set(sent.map((r) => r.step))).toEqual(new Set([10]));
    // The default queries reach back [1m]; the error counts are 10 s windows.
    expect(new Set(sent.map((r) => r.start))).toEqual(new Set([(CANARY_AT + 60_000) / 1000]));
    expect(sent.some((r) => r.query.includes('[10s]'))).toBe(true);
    expect(logLines.join('')).not.toContain(TOKEN);
  });

  it('defaults to a one-minute step', async () => {
    await judgeFor(configWith({}, { PROMETHEUS_TOKEN: TOKEN })).judge(command);
    expect(prometheus.requests.at(-1)?.step).toBe(60);
  });

  it('fail by 401 without PROMETHEUS_TOKEN: inconclusive, never healthy, and the model is not asked', async () => {
    const before = chats();
    const config = configWith(
      { model: { model: 'stand-in-reviewer', base_url: `${standIn.url}/v1` } },
      { OPENAI_API_KEY: standIn.apiKey },
    );
    const verdict = await judgeFor(config).judge(command);
    expect(verdict.verdict).toBe('inconclusive');
    expect(verdict.summary).toMatch(/no data/);
    expect(prometheus.requests.at(-1)?.authorization).toBeNull();
    expect(chats()).toBe(before);
  });
});

describe('buildCanaryJudge: the narrow model (canary.model)', () => {
  it('is asked when the statistics say healthy, with metric summaries only, and can turn it unhealthy', async () => {
    standIn.setResponder(() => JSON.stringify({ unhealthy: true, reason: 'p99 creeping up' }));
    const before = chats();
    const verdict = await judgeFor(withModel()).judge(command);
    expect(verdict.verdict).toBe('unhealthy');
    expect(verdict.summary).toMatch(/^unhealthy \(narrow model\): p99 creeping up · statistics: healthy/);
    expect(chats()).toBe(before + 1);
    const request = standIn.chatRequests().at(-1);
    expect(request?.model).toBe('stand-in-reviewer');
    expect(standIn.requests.at(-1)?.authorization).toBe(`Bearer ${standIn.apiKey}`);
    const sent = JSON.parse(request?.messages.at(-1)?.content as string);
    expect(Object.keys(sent)).toEqual(['metrics']);
    expect(sent.metrics.map((m: { name: string }) => m.name)).toEqual([
      'error_rate',
      'latency_p50',
      'latency_p95',
      'latency_p99',
      'cpu',
      'memory',
    ]);
    expect(logLines.join('')).toMatch(/"model":"unhealthy"/);
  });

  it('a model that agrees leaves healthy alone', async () => {
    expect((await judgeFor(withModel()).judge(command)).verdict).toBe('healthy');
  });

  it.each([
    ['5× errors', { errors: 5 }, 'unhealthy'],
    ['a 3× slower p99', { slow: 3 }, 'unhealthy'],
    ['a dark canary', { dark: true }, 'inconclusive'],
  ] as const)('is not asked when the statistics are not healthy: %s', async (_label, knobs, expected) => {
    prometheus.setKnobs(knobs);
    standIn.setResponder(() => JSON.stringify({ unhealthy: false, reason: 'all good' }));
    const before = chats();
    const verdict = await judgeFor(withModel()).judge(command);
    expect(verdict.verdict).toBe(expected);
    expect(verdict.summary).not.toMatch(/narrow model/);
    expect(chats()).toBe(before);
  });

  it.each([
    ['a server error', presetResponders.serverError],
    ['invalid JSON', presetResponders.invalidJson],
    ['a schema violation', presetResponders.schemaViolation],
    ['a refusal', presetResponders.refusal],
  ])('fail by %s of the model: the statistical verdict stands', async (_label, responder) => {
    standIn.setResponder(responder);
    const verdict = await judgeFor(withModel()).judge(command);
    expect(verdict.verdict).toBe('healthy');
    expect(logLines.join('')).toMatch(/"model":"shiplock_llm_/);
  });

  it('without canary.model nobody is asked', async () => {
    const before = chats();
    const config = configWith({}, { PROMETHEUS_TOKEN: TOKEN, OPENAI_API_KEY: standIn.apiKey });
    expect((await judgeFor(config).judge(command)).verdict).toBe('healthy');
    expect(chats()).toBe(before);
  });
});
