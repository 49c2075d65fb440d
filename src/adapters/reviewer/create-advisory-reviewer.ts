import type OpenAI from 'openai';
import { redactSecrets } from '../../config/redact-secrets.ts';
import type { AdvisoryReview, Rollout } from '../../core/types.ts';
import type { AdvisoryReviewer } from '../../shell/ports.ts';
import { askModel } from './ask-model.ts';
import { beforeDeadline } from './before-deadline.ts';
import { buildReviewMessages } from './build-review-messages.ts';
import type { ReviewContext, ReviewerLogger } from './review-context.ts';
import { parseReviewOutput, REVIEW_RESPONSE_FORMAT } from './review-output.ts';
import { toReviewText } from './to-review-text.ts';

/** What {@link createAdvisoryReviewer} needs. */
export interface AdvisoryReviewerOptions {
  /** Any OpenAI-compatible endpoint (`baseURL`), configured by the composition root. */
  readonly openai: OpenAI;
  readonly model: string;
  /** Fetches the PR's title, body, diff and comments (GitHub); all of it is untrusted. */
  readonly loadContext: (rollout: Rollout) => Promise<ReviewContext>;
  /** Deadline for one review, loading the context included. */
  readonly timeoutMs: number;
  /** The diff sent is cut to this many UTF-8 bytes, and the prompt says so. */
  readonly maxDiffBytes: number;
  readonly logger?: ReviewerLogger;
}

/**
 * The advisory LLM reviewer. Its answer reaches people only: the core stores the payload without
 * reading it (invariant I3). The payload is `{ summary, text, comments, diffTruncated }`, or
 * `{ unavailable: '<code>' }` when there is no valid answer — `review` never throws, never retries
 * past its deadline and never returns anything decision-shaped.
 */
export function createAdvisoryReviewer(options: AdvisoryReviewerOptions): AdvisoryReviewer {
  if (options.model.trim() === '') throw new Error('shiplock_reviewer_config: the reviewer needs a model name');
  if (!(options.timeoutMs > 0) || !(options.maxDiffBytes > 0)) {
    throw new Error('shiplock_reviewer_config: timeoutMs and maxDiffBytes must be positive');
  }
  return {
    review: async (rollout) => {
      try {
        return await reviewOnce(options, rollout);
      } catch (error) {
        return unavailable(options, rollout, 'shiplock_review_failed', error);
      }
    },
  };
}

async function reviewOnce(options: AdvisoryReviewerOptions, rollout: Rollout): Promise<AdvisoryReview> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let context: ReviewContext;
  try {
    context = await beforeDeadline(options.loadContext(rollout), signal, 'loading the pull request');
  } catch (error) {
    return unavailable(options, rollout, 'shiplock_review_context_unavailable', error);
  }
  const { messages, diffNote } = buildReviewMessages(context, options.maxDiffBytes);
  const { model, timeoutMs, openai } = options;
  const answer = await askModel(openai, { model, messages, responseFormat: REVIEW_RESPONSE_FORMAT, signal, timeoutMs });
  if (!answer.ok) return unavailable(options, rollout, answer.error, answer.detail);
  const parsed = parseReviewOutput(answer.content);
  if (!parsed.ok) return unavailable(options, rollout, parsed.error, 'the answer failed validation');
  const { summary, comments } = parsed.review;
  const text = diffNote === '' ? toReviewText(comments) : `${toReviewText(comments)}\n${diffNote}`;
  return { kind: 'advisory', payload: { summary, text, comments, diffTruncated: diffNote !== '' } };
}

function unavailable(options: AdvisoryReviewerOptions, rollout: Rollout, code: string, why: unknown): AdvisoryReview {
  const detail = redactSecrets(why instanceof Error ? why.message : String(why)).slice(0, 500);
  options.logger?.warn({ rolloutId: rollout.id, code, detail }, 'advisory review unavailable');
  return { kind: 'advisory', payload: { unavailable: code } };
}
