/**
 * The reviewer wired the way main.ts will wire it: the real `openai` client, over loopback HTTP,
 * against the OpenAI stand-in — plus a rollout made by the real core to review.
 */
import OpenAI from 'openai';
import type { ReviewContext } from '../../../src/adapters/reviewer/index.ts';
import { createAdvisoryReviewer } from '../../../src/adapters/reviewer/index.ts';
import { decide } from '../../../src/core/decide.ts';
import type { AdvisoryReview, PullRequestState, Rollout } from '../../../src/core/types.ts';
import type { OpenAiStandIn } from '../../../src/sandbox/openai/index.ts';
import type { AdvisoryReviewer } from '../../../src/shell/ports.ts';
import { POLICY, prAt, SHA_A } from '../../support/core-fixtures.ts';

export const T0 = 1_700_000_000_000;

/** A PR with a TODO on new line 2 of src/a.ts, a secret on line 3, and one comment. */
export const CONTEXT: ReviewContext = {
  title: 'Make it faster',
  body: 'Caches the lookup.',
  diff: [
    'diff --git a/src/a.ts b/src/a.ts',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -1,2 +1,4 @@',
    ' const cache = new Map();',
    '+// TODO: evict old entries',
    `+const token = "ghp_${'Z'.repeat(36)}";`,
    ' export { cache };',
  ].join('\n'),
  comments: [{ author: 'bob', body: 'Looks fine to me.' }],
};

/** The real `openai` client pointed at the stand-in. */
export function openAiClient(
  standIn: OpenAiStandIn,
  options: { apiKey?: string; maxRetries?: number; timeout?: number } = {},
) {
  return new OpenAI({
    apiKey: options.apiKey ?? standIn.apiKey,
    baseURL: `${standIn.url}/v1`,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeout ?? 5_000,
  });
}

/** A reviewer against `standIn` that reads `context` for every rollout. */
export function reviewerFor(
  standIn: OpenAiStandIn,
  context: ReviewContext | ((rollout: Rollout) => Promise<ReviewContext>) = CONTEXT,
  options: {
    maxDiffBytes?: number;
    timeoutMs?: number;
    apiKey?: string;
    maxRetries?: number;
    logger?: { warn: (f: Record<string, unknown>, m: string) => void };
  } = {},
): AdvisoryReviewer {
  const clientOptions = {
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  };
  return createAdvisoryReviewer({
    openai: openAiClient(standIn, clientOptions),
    model: 'stand-in-reviewer',
    loadContext: typeof context === 'function' ? context : async () => context,
    timeoutMs: options.timeoutMs ?? 3_000,
    maxDiffBytes: options.maxDiffBytes ?? 50_000,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}

/** The state after the PR was opened, and its rollout (phase `reviewing`). */
export function opened(title = 'Make it faster'): { state: PullRequestState; rollout: Rollout } {
  const pr = { ...prAt(SHA_A), title };
  const { state } = decide(null, { type: 'PullRequestOpened', pr, rolloutId: 'r1', at: T0 }, POLICY);
  const rollout = state?.rollouts[0];
  if (state === null || rollout === undefined) throw new Error('opening the PR made no rollout');
  return { state, rollout };
}

/** The payload of an unavailable review. */
export function unavailable(code: string): AdvisoryReview {
  return { kind: 'advisory', payload: { unavailable: code } };
}

/** The user message the stand-in received last. */
export function lastPrompt(standIn: OpenAiStandIn): { system: string; user: string; body: Record<string, unknown> } {
  const chat = standIn.chatRequests().at(-1);
  if (chat === undefined) throw new Error('the stand-in received no chat request');
  const text = (role: string) =>
    chat.messages
      .filter((m) => m.role === role)
      .map((m) => m.content)
      .join('\n');
  return { system: text('system'), user: text('user'), body: chat.body as Record<string, unknown> };
}
