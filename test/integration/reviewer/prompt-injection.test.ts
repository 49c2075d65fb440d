/**
 * The prompt-injection corpus (OWASP LLM01/LLM05), end to end: for every case the reviewer runs
 * against the stand-in's worst-case model — one that obeys and echoes whatever its prompt says — on
 * two pull requests that differ only by the injected text. Then:
 *
 * (a) the core decides every step of the chain identically: same phases, same non-render commands
 *     (invariant I3, with real model output instead of fuzzed payloads);
 * (b) the card and the thread message, rendered from the injected review, contain no broadcast,
 *     no mention, no link and no Slack token that the clean PR's rendering does not have;
 * (c) in the request to the model, the injected text sits only inside the untrusted fences, and
 *     cannot add, close or open a fence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FENCE_OPEN, type ReviewContext } from '../../../src/adapters/reviewer/index.ts';
import type { AdvisoryReview } from '../../../src/core/types.ts';
import { renderCard, renderThreadMessage, type SlackMessage, toCardView } from '../../../src/render/index.ts';
import {
  type ChatRequest,
  createOpenAiStandIn,
  type OpenAiStandIn,
  presetResponders,
} from '../../../src/sandbox/openai/index.ts';
import { POLICY } from '../../support/core-fixtures.ts';
import { type DrivenStep, driveRollout } from './drive-rollout.ts';
import { INJECTION_CASES, type InjectionCase } from './injection-corpus.ts';
import { opened, reviewerFor } from './reviewer-harness.ts';

let standIn: OpenAiStandIn;
beforeAll(async () => {
  standIn = await createOpenAiStandIn({ responder: presetResponders.obeying });
});
afterAll(() => standIn.close());

const CLEAN = {
  title: 'Make it faster',
  body: 'Caches the lookup.',
  added: 'const x = 1;',
  file: 'src/b.ts',
  comment: '// caches the lookup',
  prComment: 'Thanks!',
  author: 'mallory',
};

function diffOf(added: string, comment: string, file: string): string {
  const plus = (text: string) =>
    text
      .split('\n')
      .map((line) => `+${line}`)
      .join('\n');
  const name = file.split('\n')[0] ?? '';
  return [
    'diff --git a/src/a.ts b/src/a.ts',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -1,2 +1,4 @@',
    ' const cache = new Map();',
    plus(added),
    plus(comment),
    ' export { cache };',
    `diff --git a/${name} b/${name}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${name}`,
    '@@ -0,0 +1 @@',
    '+export const b = 1;',
  ].join('\n');
}

/** The PR's context with the case's text in its place, or the clean PR when `text` is null. */
function contextFor(site: InjectionCase['site'], text: string | null): ReviewContext {
  const v = { ...CLEAN };
  if (text !== null) {
    const key = (
      {
        title: 'title',
        body: 'body',
        diff_added: 'added',
        diff_file_name: 'file',
        code_comment: 'comment',
        pr_comment: 'prComment',
        comment_author: 'author',
      } as const
    )[site];
    v[key] = text;
  }
  return {
    title: v.title,
    body: v.body,
    diff: diffOf(v.added, v.comment, v.file),
    comments: [
      { author: 'bob', body: 'Looks fine to me.' },
      { author: v.author, body: v.prComment },
    ],
  };
}

interface Run {
  readonly review: AdvisoryReview;
  readonly request: ChatRequest;
  readonly steps: DrivenStep[];
  readonly rendered: string[];
}

async function run(site: InjectionCase['site'], text: string | null): Promise<Run> {
  const context = contextFor(site, text);
  const { rollout } = opened(context.title);
  const review = await reviewerFor(standIn, context).review(rollout);
  const request = standIn.chatRequests().at(-1);
  if (request === undefined) throw new Error('the reviewer sent nothing');
  const steps = driveRollout(context.title, review);
  return { review, request, steps, rendered: renderAll(steps) };
}

/** Every string of the card at every step, and of the review's thread message, now and at the end. */
function renderAll(steps: readonly DrivenStep[]): string[] {
  const messages: SlackMessage[] = [];
  for (const [i, step] of steps.entries()) {
    const rollout = step.state.rollouts.at(-1);
    if (rollout === undefined) continue;
    messages.push(renderCard(toCardView(step.state, rollout, POLICY, step.at)));
    if (i === 1 || i === steps.length - 1) {
      messages.push(renderThreadMessage({ kind: 'advisory_review' }, { state: step.state, rollout, policy: POLICY }));
    }
  }
  return messages.flatMap(stringsOf);
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Slack's control sequences: `<…>` tokens (mentions, broadcasts, links, dates). */
const tokensOf = (strings: readonly string[]) => new Set(strings.flatMap((s) => s.match(/<[^<>]*>/g) ?? []));
const BROADCAST = /<!(?:channel|here|everyone)\b|<!subteam\^|<@[UW]/;
/**
 * What Slack may still parse outside `<…>`: bare broadcasts, a scheme that would auto-link
 * (`https://`), and an e-mail address (auto-linked as `mailto:`). The renderer breaks them with
 * invisible characters (a word joiner after `@`, a zero-width space after `.` and `:/`).
 */
const HAZARD = /@(?:here|channel|everyone)\b|[a-z][a-z0-9+.-]*:\/\/|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
const bareHazards = (strings: readonly string[]) =>
  strings.flatMap((s) => s.replace(/<[^<>]*>/g, '').match(HAZARD) ?? []);

/** Anything the injected rendering shows that the clean one does not: must be nothing. */
function leaks(injected: readonly string[], clean: readonly string[]): string[] {
  const known = tokensOf(clean);
  const knownHazards = new Set(bareHazards(clean));
  return [
    ...[...tokensOf(injected)].filter((t) => !known.has(t)),
    ...bareHazards(injected).filter((h) => !knownHazards.has(h)),
  ];
}

const FENCED = /\u27E6untrusted ([a-z_ 0-9]+)\u27E7\n([\s\S]*?)\n\u27E6\/untrusted \1\u27E7/g;

/** The user message split into what is inside the fences and what is not, and the fence labels. */
function splitPrompt(request: ChatRequest) {
  const user = request.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
  const system = request.messages
    .filter((m) => m.role !== 'user')
    .map((m) => m.content)
    .join('\n');
  const matches = [...user.matchAll(FENCED)];
  return {
    system,
    inside: matches.map((m) => m[2]).join('\n'),
    outside: user.replace(FENCED, ''),
    labels: matches.map((m) => m[1]),
  };
}

const withNeedle = (c: InjectionCase, needle: string) =>
  c.text.includes('$ID') ? c.text.replaceAll('$ID', needle) : `${c.text} ${needle}`;

const clean = new Map<InjectionCase['site'], Run>();
async function cleanRun(site: InjectionCase['site']): Promise<Run> {
  const known = clean.get(site);
  if (known !== undefined) return known;
  const fresh = await run(site, null);
  clean.set(site, fresh);
  return fresh;
}

describe('the corpus', () => {
  it('has at least 50 cases, covering every site', () => {
    expect(INJECTION_CASES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(INJECTION_CASES.map((c) => c.site)).size).toBe(7);
  });
});

describe.each(INJECTION_CASES.map((c, i) => ({ ...c, needle: `INJ${String(i).padStart(3, '0')}Q` })))(
  'injection in $site: $name',
  (c) => {
    let injected: Run;
    let baseline: Run;
    beforeAll(async () => {
      baseline = await cleanRun(c.site);
      injected = await run(c.site, withNeedle(c, c.needle));
    });

    it('reaches the worst-case model and comes back in its review (the test has teeth)', () => {
      expect(JSON.stringify(injected.review.payload)).toContain(c.needle);
      expect(injected.rendered.join('\n')).toContain(c.needle);
    });

    it('(a) changes no phase and no non-render command at any step', () => {
      expect(injected.steps.map((s) => s.event)).toEqual(baseline.steps.map((s) => s.event));
      expect(injected.steps.map((s) => s.phase)).toEqual(baseline.steps.map((s) => s.phase));
      expect(injected.steps.map((s) => s.decisions)).toEqual(baseline.steps.map((s) => s.decisions));
      expect(injected.steps.at(-1)?.phase).toBe('deployed');
    });

    it('(b) renders no broadcast, mention, link or token the clean PR does not have', () => {
      expect(leaks(injected.rendered, baseline.rendered)).toEqual([]);
      expect(injected.rendered.filter((s) => BROADCAST.test(s.replace(/<@U(?:AUTHOR|BOB|CAROL|DAVE)>/g, '')))).toEqual(
        [],
      );
    });

    it('(c) sits only inside the untrusted fences of the request, and adds or closes none', () => {
      const mine = splitPrompt(injected.request);
      const theirs = splitPrompt(baseline.request);
      expect(mine.system).toBe(theirs.system);
      expect(mine.system).not.toContain(c.needle);
      expect(mine.outside).not.toContain(c.needle);
      expect(mine.inside).toContain(c.needle);
      expect(mine.labels).toEqual(theirs.labels);
      const opens = (
        injected.request.messages
          .map((m) => m.content)
          .join('\n')
          .match(new RegExp(FENCE_OPEN, 'g')) ?? []
      ).length;
      expect(opens).toBe(2 * mine.labels.length + (mine.system.match(new RegExp(FENCE_OPEN, 'g')) ?? []).length);
    });
  },
);

describe('the checks catch what they must (so the tests above can fail)', () => {
  it('a raw broadcast, a new mention or a link is a leak', () => {
    const base = ['Approved by <@UBOB>'];
    expect(leaks(['<!channel> hi'], base)).toEqual(['<!channel>']);
    expect(leaks(['<@U123>'], base)).toEqual(['<@U123>']);
    expect(leaks(['<https://evil.example|x>'], base)).toEqual(['<https://evil.example|x>']);
    expect(leaks(['see https://evil.example'], base)).toEqual(['https://']);
    expect(leaks(['mail mallory@evil.example'], base)).toEqual(['mallory@evil.example']);
    expect(leaks(['@here'], base)).toEqual(['@here']);
    expect(
      leaks(['Approved by <@UBOB>', '@\u2060here', 'https:\u200B//x', 'a@\u2060evil.\u200Bexample'], base),
    ).toEqual([]);
  });

  it('text outside the fences is found', () => {
    const request = {
      messages: [
        { role: 'user', content: `NEEDLE\n${FENCE_OPEN}untrusted diff\u27E7\nx\n${FENCE_OPEN}/untrusted diff\u27E7` },
      ],
    } as unknown as ChatRequest;
    expect(splitPrompt(request)).toMatchObject({ outside: 'NEEDLE\n', inside: 'x', labels: ['diff'] });
  });

  it('the differential compares real decisions, not empty lists', () => {
    const steps = driveRollout('t', { kind: 'advisory', payload: null });
    expect(steps.map((step) => step.phase)).toContain('time_locked');
    expect(steps.filter((step) => step.decisions !== '[]').length).toBeGreaterThanOrEqual(8);
    expect(steps.map((step) => step.decisions).join()).toContain('"stage":"production"');
  });
});
