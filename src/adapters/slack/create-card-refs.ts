import type Database from 'better-sqlite3';

/** Where a rollout's card was posted. */
export interface CardRef {
  readonly channel: string;
  readonly ts: string;
}

/** Reads and writes the `slack_messages` table (migration 0002). */
export interface CardRefs {
  get(rolloutId: string): CardRef | null;
  set(rolloutId: string, ref: CardRef, at: number): void;
}

/** The card references on the shiplock database. */
export function createCardRefs(db: Database.Database): CardRefs {
  const select = db.prepare<[string], CardRef>('SELECT channel, ts FROM slack_messages WHERE rollout_id = ?');
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO slack_messages (rollout_id, channel, ts, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (rollout_id) DO UPDATE SET channel = excluded.channel, ts = excluded.ts, updated_at = excluded.updated_at`,
  );
  return {
    get: (rolloutId) => select.get(rolloutId) ?? null,
    set: (rolloutId, ref, at) => {
      upsert.run(rolloutId, ref.channel, ref.ts, at);
    },
  };
}
