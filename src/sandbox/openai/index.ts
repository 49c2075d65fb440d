/**
 * A local OpenAI-compatible API for the demo and the tests: the real `openai` client talks to it
 * over loopback HTTP. Never loaded in production mode.
 */
export { createOpenAiStandIn, STAND_IN_API_KEY, STAND_IN_MODELS } from './create-openai-stand-in.ts';
export { findStrictSchemaProblem } from './find-strict-schema-problem.ts';
export { obeyingResponder } from './obeying-responder.ts';
export type {
  ChatMessage,
  ChatRequest,
  ModelReply,
  OpenAiErrorBody,
  OpenAiStandIn,
  OpenAiStandInOptions,
  RecordedRequest,
  Responder,
  ResponseFormat,
} from './openai-stand-in.ts';
export { type AddedLine, parseDiffLines } from './parse-diff-lines.ts';
export { presetResponders } from './preset-responders.ts';
export { reviewResponder } from './review-responder.ts';
