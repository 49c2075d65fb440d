import type Database from 'better-sqlite3';
import type { CardRef } from './create-card-refs.ts';

/** Reads and writes the `slack_alert_messages` table (migration 0006): one message per alert. */
export interface AlertRefs {
  get(rolloutId: string, alertId: string): CardRef | null;
  set(rolloutId: string, alertId: string, ref: CardRef, at: number): void;
}

/** The alert message references on the shiplock database. */
export function createAlertRefs(db: Database.Database): AlertRefs {
  const select = db.prepare<[string, string], CardRef>(
    'SELECT channel, ts FROM slack_alert_messages WHERE rollout_id = ? AND alert_id = ?',
  );
  const upsert = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO slack_alert_messages (rollout_id, alert_id, channel, ts, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (rollout_id, alert_id) DO UPDATE SET channel = excluded.channel, ts = excluded.ts, updated_at = excluded.updated_at`,
  );
  return {
    get: (rolloutId, alertId) => select.get(rolloutId, alertId) ?? null,
    set: (rolloutId, alertId, ref, at) => {
      upsert.run(rolloutId, alertId, ref.channel, ref.ts, at);
    },
  };
}
