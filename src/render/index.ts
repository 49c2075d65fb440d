/**
 * The pure Block Kit renderer (DESIGN.md: state → view model → `{ text, blocks }`). It imports only
 * `src/core` and types from `@slack/types`, never reads a clock, and escapes every untrusted string.
 */
export { type ApprovalView, type GroupSeats, toApprovalView } from './approval-view.ts';
export type { SlackMessage } from './blocks.ts';
export { type AlertAction, type CanaryAlertView, toCanaryAlertView } from './canary-alert-view.ts';
export { type CardAction, MAX_RETRY_BUTTONS, toCardActions } from './card-actions.ts';
export {
  type CardAdvisory,
  type CardDeploy,
  type CardGate,
  type CardSettings,
  type CardView,
  toCardView,
} from './card-view.ts';
export { epochToIso } from './epoch-to-iso.ts';
export {
  ACTION_ID,
  type AlertButtonRef,
  BLOCK_ID,
  type ButtonRef,
  CALLBACK_ID,
  parseAlertButtonValue,
  parseButtonValue,
  REJECT_REASON_MAX,
  RETRY_ACTION_ID_PATTERN,
  retryActionId,
  toAlertButtonValue,
  toButtonValue,
} from './ids.ts';
export { isSlackUserId, mentionUser } from './mention-user.ts';
export { escapeMrkdwn, plainText, safeMrkdwn, truncate } from './mrkdwn.ts';
export { renderCanaryAlert } from './render-canary-alert.ts';
export { renderCard } from './render-card.ts';
export { renderRejectModal } from './render-reject-modal.ts';
export { type ReplyContext, renderReply, replySentence } from './render-reply.ts';
export { type RollbackFailedAlertView, renderRollbackFailedAlert } from './render-rollback-failed-alert.ts';
export { renderThreadMessage, type ThreadContext } from './render-thread-message.ts';
export { slackDate } from './slack-date.ts';
export { ADVISORY_LABEL, ADVISORY_UNAVAILABLE, toAdvisoryText } from './to-advisory-text.ts';
export { formatViolation, SLACK_LIMITS, type Surface, type Violation, validateMessage } from './validate-blocks.ts';
