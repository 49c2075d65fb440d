/**
 * Every id shiplock puts in Slack and reads back from interaction payloads, in one module: the Bolt
 * app routes on these constants, so a renamed id cannot silently orphan a button (STYLE.md habit 10).
 */

/** `action_id`s of the card's buttons. Retry buttons get one each: see {@link retryActionId}. */
export const ACTION_ID = {
  approve: 'shiplock.approve',
  reject: 'shiplock.reject',
  cancel: 'shiplock.cancel',
  rollback: 'shiplock.rollback',
  /** Production is fine, on the card of a production deploy whose outcome is unknown (issue #6). */
  confirmProduction: 'shiplock.confirm_production',
  retry: 'shiplock.retry',
  rejectReason: 'shiplock.reject_reason.input',
  /** A link button on a superseded card that opens the new card; Slack still sends an action to ack. */
  openNewCard: 'shiplock.open_new_card',
  /** A link button on the failed-rollback alert that opens the rollout's card (issue #6). */
  openCard: 'shiplock.open_card',
  /** Acknowledge on a canary alert's message (its Roll back button reuses {@link ACTION_ID.rollback}). */
  acknowledgeAlert: 'shiplock.alert.acknowledge',
} as const;

/** `block_id`s of the blocks we emit; interaction payloads carry them back. */
export const BLOCK_ID = {
  header: 'shiplock.header',
  facts: 'shiplock.facts',
  status: 'shiplock.status',
  gates: 'shiplock.gates',
  advisory: 'shiplock.advisory',
  canary: 'shiplock.canary',
  canaryTable: 'shiplock.canary.table',
  deploys: 'shiplock.deploys',
  approvals: 'shiplock.approvals',
  timing: 'shiplock.timing',
  hold: 'shiplock.hold',
  freeze: 'shiplock.freeze',
  rollbackFreeze: 'shiplock.rollback_freeze',
  rollbackAlert: 'shiplock.rollback_alert',
  unknownOutcome: 'shiplock.unknown_outcome',
  ended: 'shiplock.ended',
  superseded: 'shiplock.superseded',
  notice: 'shiplock.notice',
  sandbox: 'shiplock.sandbox',
  actions: 'shiplock.actions',
  rejectIntro: 'shiplock.reject_intro',
  rejectReason: 'shiplock.reject_reason',
  thread: 'shiplock.thread',
  reply: 'shiplock.reply',
  alertHeader: 'shiplock.alert.header',
  alertSummary: 'shiplock.alert.summary',
  alertRollout: 'shiplock.alert.rollout',
  alertStatus: 'shiplock.alert.status',
  alertCanary: 'shiplock.alert.canary',
  alertLabels: 'shiplock.alert.labels',
  alertAck: 'shiplock.alert.ack',
  alertActions: 'shiplock.alert.actions',
} as const;

/** `callback_id`s of the views we open. */
export const CALLBACK_ID = {
  rejectModal: 'shiplock.reject_modal',
} as const;

/**
 * Action ids must be unique inside one actions block, so each Retry button carries its position:
 * `shiplock.retry.0`, `shiplock.retry.1`… The gate itself travels in the button value. Route with
 * {@link RETRY_ACTION_ID_PATTERN}.
 */
export function retryActionId(index: number): string {
  return `${ACTION_ID.retry}.${index}`;
}

/** Matches every id {@link retryActionId} produces (for `app.action(RETRY_ACTION_ID_PATTERN, …)`). */
export const RETRY_ACTION_ID_PATTERN = /^shiplock\.retry\.\d{1,2}$/;

/** Longest reject reason the modal accepts; the card shows it, so it must fit a section. */
export const REJECT_REASON_MAX = 2000;

/** What a button or a modal's `private_metadata` says it acts on. */
export interface ButtonRef {
  readonly rolloutId: string;
  readonly sha: string;
  readonly gateId?: string;
}

/** Rollout ids are drawn by the shell; this is the shape a button can carry. */
export const ROLLOUT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** A full commit SHA: 40 hex digits (SHA-1) or 64 (SHA-256 repositories). */
export const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Gate ids as the config allows them (`LOCAL_ID`), a little wider on case and dots. */
export const GATE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const VERSION = 's1';
const SEPARATOR = '|';
/** Slack's limit on a button value; the format below never comes close (≤ 263 characters). */
const MAX_VALUE = 2000;

/**
 * Encodes a button value `s1|<rolloutId>|<sha>[|<gateId>]`: short, versioned, and made only of
 * characters the patterns above allow, so no part can contain the separator. Returns `null` when a
 * part does not fit its pattern: the card then leaves the button out rather than emit a value that
 * {@link parseButtonValue} would refuse.
 */
export function toButtonValue(ref: ButtonRef): string | null {
  if (!ROLLOUT_ID_PATTERN.test(ref.rolloutId) || !SHA_PATTERN.test(ref.sha)) return null;
  if (ref.gateId !== undefined && !GATE_ID_PATTERN.test(ref.gateId)) return null;
  const parts = [VERSION, ref.rolloutId, ref.sha];
  if (ref.gateId !== undefined) parts.push(ref.gateId);
  return parts.join(SEPARATOR);
}

/**
 * Decodes a value from an interaction payload. The payload is signed by Slack but the value went
 * through a client: anything that is not exactly what {@link toButtonValue} writes is `null`. Never
 * throws, whatever `value` is.
 */
export function parseButtonValue(value: unknown): ButtonRef | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE) return null;
  const [version, rolloutId, sha, gateId, ...rest] = value.split(SEPARATOR);
  if (version !== VERSION || rolloutId === undefined || sha === undefined || rest.length > 0) return null;
  if (!ROLLOUT_ID_PATTERN.test(rolloutId) || !SHA_PATTERN.test(sha)) return null;
  if (gateId === undefined) return { rolloutId, sha };
  return GATE_ID_PATTERN.test(gateId) ? { rolloutId, sha, gateId } : null;
}

/** What an alert's Acknowledge button says it acts on. */
export interface AlertButtonRef {
  readonly rolloutId: string;
  readonly alertId: string;
}

/** Alert ids are Alertmanager fingerprints (16 hex digits); the adapter refuses anything else this cannot carry. */
export const ALERT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const ALERT_VERSION = 'a1';

/**
 * Encodes an alert button value `a1|<rolloutId>|<alertId>` (≤ 260 characters, far below Slack's
 * 2,000), or `null` when a part does not fit its pattern: the message then leaves the button out.
 */
export function toAlertButtonValue(ref: AlertButtonRef): string | null {
  if (!ROLLOUT_ID_PATTERN.test(ref.rolloutId) || !ALERT_ID_PATTERN.test(ref.alertId)) return null;
  return [ALERT_VERSION, ref.rolloutId, ref.alertId].join(SEPARATOR);
}

/** Decodes what {@link toAlertButtonValue} writes, and nothing else (`null`); never throws. */
export function parseAlertButtonValue(value: unknown): AlertButtonRef | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE) return null;
  const [version, rolloutId, alertId, ...rest] = value.split(SEPARATOR);
  if (version !== ALERT_VERSION || rolloutId === undefined || alertId === undefined || rest.length > 0) return null;
  if (!ROLLOUT_ID_PATTERN.test(rolloutId) || !ALERT_ID_PATTERN.test(alertId)) return null;
  return { rolloutId, alertId };
}
