/**
 * The advisory LLM reviewer (people only, never a decision) and the security scanner's
 * narrow-model client (veto only), both over any OpenAI-compatible endpoint.
 */
export { askModel, type LlmErrorCode, type ModelAnswer } from './ask-model.ts';
export { buildReviewMessages, type ReviewPrompt } from './build-review-messages.ts';
export { type CappedText, capUtf8 } from './cap-utf8.ts';
export { type AdvisoryReviewerOptions, createAdvisoryReviewer } from './create-advisory-reviewer.ts';
export {
  createModelScanner,
  type ModelScanner,
  type ModelScannerOptions,
  type ModelScanResult,
} from './create-model-scanner.ts';
export { FENCE_CLOSE, FENCE_OPEN, fenceUntrusted, neutralizeUntrusted } from './fence-untrusted.ts';
export { FINDINGS_RESPONSE_FORMAT, parseFindingsOutput } from './findings-output.ts';
export { type PreparedText, prepareUntrusted } from './prepare-untrusted.ts';
export type { ReviewContext, ReviewerLogger } from './review-context.ts';
export { parseReviewOutput, REVIEW_RESPONSE_FORMAT, type ReviewOutput } from './review-output.ts';
export { toReviewText } from './to-review-text.ts';
