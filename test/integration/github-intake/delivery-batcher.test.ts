import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeliveryBatcher } from '../../../src/adapters/github/webhook/create-delivery-batcher.ts';
import { createGitHubInbox, type InboxDelivery } from '../../../src/adapters/github/webhook/create-github-inbox.ts';
import { openIntakeDatabase } from './support/open-intake-database.ts';

const delivery = (id: string): InboxDelivery => ({
  deliveryId: id,
  event: 'pull_request',
  receivedAt: 0,
  body: '{}',
});

/** The webhook route's group commit: one transaction per turn of the event loop, answers after it. */
describe('createDeliveryBatcher', () => {
  it('stores the deliveries of one turn together, in order, and answers each its own outcome', async () => {
    const batches: string[][] = [];
    const seen = new Set<string>();
    const store = createDeliveryBatcher({
      storeAll: (ds) => {
        batches.push(ds.map((d) => d.deliveryId));
        return ds.map((d) => {
          if (seen.has(d.deliveryId)) return 'duplicate';
          seen.add(d.deliveryId);
          return 'stored';
        });
      },
    });
    const outcomes = await Promise.all(['a', 'b', 'a'].map((id) => store(delivery(id))));
    expect(batches).toEqual([['a', 'b', 'a']]);
    expect(outcomes).toEqual(['stored', 'stored', 'duplicate']);
    expect(await store(delivery('c'))).toBe('stored');
    expect(batches).toEqual([['a', 'b', 'a'], ['c']]);
  });

  it('refuses every delivery of a batch whose transaction failed (none was stored)', async () => {
    const store = createDeliveryBatcher({
      storeAll: () => {
        throw new Error('SQLITE_FULL: database or disk is full');
      },
    });
    const results = await Promise.allSettled([store(delivery('a')), store(delivery('b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('on the real inbox, a delivery repeated within one batch is stored once and answered duplicate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplock-batcher-'));
    const db = openIntakeDatabase(join(dir, 'shiplock.db'));
    try {
      const inbox = createGitHubInbox(db);
      const store = createDeliveryBatcher(inbox);
      const outcomes = await Promise.all(['a', 'b', 'a'].map((id) => store(delivery(id))));
      expect(outcomes).toEqual(['stored', 'stored', 'duplicate']);
      expect(inbox.pending(10).map((row) => row.deliveryId)).toEqual(['a', 'b']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
