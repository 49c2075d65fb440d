import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Event } from '../../core/types.ts';
import type { Clock } from '../../shell/ports.ts';
import { readLimitedBody } from '../github/webhook/read-limited-body.ts';
import { sendJson } from '../github/webhook/send-json.ts';
import { type AlertmanagerPayload, alertmanagerPayloadSchema } from './alertmanager-payload-schema.ts';
import { checkBearer } from './check-bearer.ts';
import type { AlertToResolve } from './create-label-rollout-resolver.ts';
import { toAlertFacts } from './to-alert-facts.ts';

/** Alertmanager notifications are small; 1 MiB leaves room for big groups and stops abuse. */
export const MAX_ALERTMANAGER_BODY_BYTES = 1_048_576;

/** What the route is built from. */
export interface AlertmanagerRouteOptions {
  /** When set, requests must carry `Authorization: Bearer <token>` (401 otherwise). */
  readonly bearerToken?: string;
  readonly maxBodyBytes?: number;
  /**
   * The rollout an alert is about, from its labels (and fingerprint and status), or `null` (logged,
   * answered 200). The composition passes `createLabelRolloutResolver(createStoreRolloutLookups(…))`.
   */
  readonly resolveRollout: (alert: AlertToResolve) => string | null;
  /** Records one event (the shell's `handle`: one transaction each). */
  readonly handle: (event: Event) => void;
  readonly clock: Clock;
  readonly logger: Logger;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `POST /alertmanager/webhook` (issue 5): Alertmanager's version 4 payload, validated whole before
 * anything is recorded, so a malformed body gets 400 and changes nothing. Each alert that maps to
 * a rollout becomes one `CanaryAlertReceived`; the others are logged and acknowledged (200), since
 * Alertmanager would otherwise retry them forever. A failure to record answers 500, and
 * Alertmanager's retry is harmless: the core ignores an alert it already has.
 */
export function createAlertmanagerRoute(options: AlertmanagerRouteOptions): RequestListener {
  if (options.bearerToken !== undefined && options.bearerToken.length === 0) {
    throw new Error('shiplock_alertmanager_token: the Alertmanager bearer token is empty; unset it or give a value.');
  }
  const limit = options.maxBodyBytes ?? MAX_ALERTMANAGER_BODY_BYTES;
  return (req, res) => {
    receive(req, res, options, limit).catch((error: unknown) => {
      options.logger.error({ err: error }, 'alertmanager notification not recorded');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'shiplock_alertmanager_unavailable' });
    });
  };
}

async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  options: AlertmanagerRouteOptions,
  limit: number,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, { ok: false, error: 'shiplock_alertmanager_method: use POST.' }, true);
  }
  if (options.bearerToken !== undefined && !checkBearer(req.headers.authorization, options.bearerToken)) {
    options.logger.warn('alertmanager notification with a wrong or missing bearer token');
    return sendJson(res, 401, { ok: false, error: 'shiplock_alertmanager_unauthorized' }, true);
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return sendJson(res, 413, { ok: false, error: 'shiplock_alertmanager_too_large' }, true);
  const read = await readLimitedBody(req, limit);
  if (read.kind === 'too_large')
    return sendJson(res, 413, { ok: false, error: 'shiplock_alertmanager_too_large' }, true);
  const payload = parsePayload(read.bytes);
  if (typeof payload === 'string') {
    options.logger.warn({ problem: payload }, 'alertmanager notification refused');
    return sendJson(res, 400, { ok: false, error: `shiplock_alertmanager_malformed: ${payload}` });
  }
  const events = toEvents(payload, options);
  for (const event of events) options.handle(event);
  sendJson(res, 200, { ok: true, mapped: events.length, unmapped: payload.alerts.length - events.length });
}

/** The validated payload, or what is wrong with it (short, for the 400 and the log). */
function parsePayload(bytes: Buffer): AlertmanagerPayload | string {
  let json: unknown;
  try {
    json = JSON.parse(UTF8.decode(bytes));
  } catch {
    return 'the body is not UTF-8 JSON';
  }
  const parsed = alertmanagerPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`.slice(0, 300);
  }
  return parsed.data;
}

function toEvents(payload: AlertmanagerPayload, options: AlertmanagerRouteOptions): Event[] {
  const at = options.clock.now();
  const events: Event[] = [];
  for (const alert of payload.alerts) {
    const facts = toAlertFacts(alert);
    const rolloutId =
      facts === null ? null : options.resolveRollout({ labels: alert.labels, id: facts.id, status: facts.status });
    if (facts === null || rolloutId === null) {
      options.logger.info(
        { fingerprint: alert.fingerprint.slice(0, 64), alertname: alert.labels.alertname?.slice(0, 128) },
        'alertmanager alert maps to no rollout; acknowledged and ignored',
      );
      continue;
    }
    events.push({ type: 'CanaryAlertReceived', at, rolloutId, alert: facts });
  }
  return events;
}
