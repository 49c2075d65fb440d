import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhookIntent } from '../../../../src/adapters/github/webhook/parse-webhook-intent.ts';
import { projectWebhookPayload } from '../../../../src/adapters/github/webhook/project-webhook-payload.ts';
import { allExamples, type Example } from '../../../integration/github-intake/support/webhook-examples.ts';

/** What the inbox stores, from the body GitHub sent. */
const stored = (event: string, body: string): string => projectWebhookPayload(event, JSON.parse(body), body);
const USED = ['pull_request', 'check_run', 'check_suite'] as const;
const recorded: Example[] = USED.flatMap((event) => allExamples(event));

/** The paths the payload schemas read, per event. */
const READ_PATHS: Readonly<Record<(typeof USED)[number], readonly (readonly string[])[]>> = {
  pull_request: [
    ['action'],
    ['repository'],
    ['repository', 'full_name'],
    ['pull_request'],
    ...['number', 'draft', 'title', 'html_url', 'user', 'head'].map((k) => ['pull_request', k]),
    ['pull_request', 'user', 'login'],
    ['pull_request', 'head', 'sha'],
  ],
  check_run: [['action'], ['repository', 'full_name'], ['check_run'], ['check_run', 'name'], ['check_run', 'head_sha']],
  check_suite: [['action'], ['repository', 'full_name'], ['check_suite'], ['check_suite', 'head_sha']],
};

/** `payload` with the value at `path` replaced (`undefined` deletes it), where the path exists. */
function replaced(payload: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(payload);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return copy;
    at = next as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

describe('projectWebhookPayload: the inbox keeps only what shiplock reads', () => {
  it('is read exactly as the whole payload, for every recorded pull_request, check_run and check_suite', () => {
    expect(recorded.length).toBeGreaterThan(40);
    for (const { event, payload } of recorded) {
      const body = JSON.stringify(payload);
      expect(parseWebhookIntent(event, stored(event, body)), `${event} ${String(payload.action)}`).toEqual(
        parseWebhookIntent(event, body),
      );
    }
  });

  it('keeps a recorded delivery to a few hundred bytes instead of 20–30 KB', () => {
    for (const { event, payload } of recorded) {
      const body = JSON.stringify(payload);
      expect(stored(event, body).length).toBeLessThan(600);
    }
    const opened = recorded.find((e) => e.event === 'pull_request' && e.payload.action === 'opened') as Example;
    expect(JSON.parse(stored('pull_request', JSON.stringify(opened.payload)))).toEqual({
      action: 'opened',
      repository: { full_name: 'Codertocat/Hello-World' },
      pull_request: {
        number: 2,
        draft: false,
        title: 'Update the README with new information.',
        html_url: 'https://github.com/Codertocat/Hello-World/pull/2',
        user: { login: 'Codertocat' },
        head: { sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' },
      },
    });
  });

  it('gives the same intent, refusal reason included, when any field read is missing or of any JSON value', () => {
    const [first] = recorded;
    if (first === undefined) throw new Error('no recorded examples');
    const arbitrary = fc.record({
      example: fc.constantFrom(...recorded),
      changes: fc.array(
        fc.record({ pick: fc.nat(), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbitrary, ({ example, changes }) => {
        const paths = READ_PATHS[example.event as (typeof USED)[number]];
        let payload = example.payload;
        for (const { pick, value } of changes) payload = replaced(payload, paths[pick % paths.length] ?? [], value);
        const body = JSON.stringify(payload);
        expect(parseWebhookIntent(example.event, stored(example.event, body))).toEqual(
          parseWebhookIntent(example.event, body),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a payload that is not a JSON object whole, and only the action of events shiplock does not read', () => {
    expect(stored('pull_request', 'null')).toBe('null');
    expect(stored('pull_request', '[1,2]')).toBe('[1,2]');
    expect(stored('push', '{"action":"x","ref":"refs/heads/main","commits":[]}')).toBe('{"action":"x"}');
    expect(stored('ping', '{"zen":"Keep it logically awesome."}')).toBe('{}');
  });

  it('never copies keys it does not know, not even __proto__', () => {
    const body = '{"action":"opened","__proto__":{"polluted":true},"pull_request":{"__proto__":1,"body":"secret"}}';
    expect(JSON.parse(stored('pull_request', body))).toEqual({ action: 'opened', pull_request: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
