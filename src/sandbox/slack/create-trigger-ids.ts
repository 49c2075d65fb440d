import { randomBytes } from 'node:crypto';
import type { Clock } from './types.ts';

/** Slack's documented `trigger_id` lifetime: valid 3 s, single use. */
export const TRIGGER_TTL_MS = 3000;

/** Why `views.open` refuses a trigger, with the error code Slack answers. */
export type TriggerExchange =
  | { readonly ok: true; readonly user: string }
  | { readonly ok: false; readonly error: 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id' };

/** Issues and exchanges `trigger_id`s. */
export interface TriggerIds {
  /** A fresh trigger for an interaction by `user`, shaped like Slack's (`"398738663015.47445629121.803a…"`). */
  issue(user: string): string;
  /** Uses a trigger up: the first exchange within the lifetime succeeds, any later one fails. */
  exchange(triggerId: string): TriggerExchange;
}

const TRIGGER_PATTERN = /^\d+\.\d+\.[0-9a-f]+$/;

/**
 * Triggers are single use and valid for 3 s
 * (https://docs.slack.dev/interactivity/handling-user-interaction); `views.open` answers
 * `expired_trigger_id`, `exchanged_trigger_id` or `invalid_trigger_id` (views.push error table).
 */
export function createTriggerIds(clock: Clock, ttlMs: number = TRIGGER_TTL_MS): TriggerIds {
  const issued = new Map<string, { user: string; at: number; used: boolean }>();
  let counter = 0;
  return {
    issue(user) {
      counter += 1;
      const id = `${Math.floor(clock())}.${counter}.${randomBytes(16).toString('hex')}`;
      issued.set(id, { user, at: clock(), used: false });
      return id;
    },
    exchange(triggerId) {
      const trigger = issued.get(triggerId);
      if (trigger === undefined || !TRIGGER_PATTERN.test(triggerId)) return { ok: false, error: 'invalid_trigger_id' };
      if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
      if (clock() - trigger.at > ttlMs) return { ok: false, error: 'expired_trigger_id' };
      trigger.used = true;
      return { ok: true, user: trigger.user };
    },
  };
}
