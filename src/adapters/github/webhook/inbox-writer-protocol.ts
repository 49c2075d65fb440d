import type { PreparedDelivery, StoreOutcome } from './create-github-inbox.ts';

/** What the writer thread starts with. */
export interface WriterData {
  /** The database file (already opened and migrated by the bot). */
  readonly path: string;
  /** The crash-suite settings (`SHIPLOCK_CRASH_AT`, `SHIPLOCK_CRASH_NTH`); empty in production. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** One batch of deliveries to store, prepared on the event loop (`prepareDelivery`). */
export interface WriterRequest {
  readonly id: number;
  readonly rows: readonly PreparedDelivery[];
}

/** The answer for every request stored in one transaction: outcomes in request order, flattened. */
export type WriterReply =
  | { readonly kind: 'stored'; readonly ids: readonly number[]; readonly outcomes: readonly StoreOutcome[] }
  | { readonly kind: 'failed'; readonly ids: readonly number[]; readonly error: string };
