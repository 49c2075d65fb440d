import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubInbox, type InboxDelivery } from '../../../src/adapters/github/webhook/create-github-inbox.ts';
import { startInboxWriter } from '../../../src/adapters/github/webhook/start-inbox-writer.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { openIntakeDatabase } from './support/open-intake-database.ts';
import { example } from './support/webhook-examples.ts';

/** The inbox writer thread: a real worker thread with its own connection to a real SQLite file. */
let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-writer-'));
  db = openIntakeDatabase(join(dir, 'shiplock.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const logger = createLogger('silent');
const delivery = (deliveryId: string, body: string, event = 'pull_request'): InboxDelivery => ({
  deliveryId,
  event,
  receivedAt: 1_767_690_000_000,
  body,
});

describe('startInboxWriter', () => {
  it('stores on its thread what the inbox would store, committed before it answers', async () => {
    const writer = startInboxWriter({ path: db.name, env: {}, logger });
    const opened = JSON.stringify(example('pull_request', 'opened').payload);
    try {
      const outcomes = await writer.storeAll([delivery('a', opened), delivery('b', 'not json'), delivery('a', opened)]);
      expect(outcomes).toEqual(['stored', 'malformed', 'duplicate']);
      // Read through the bot's own connection: committed, not merely written.
      const inbox = createGitHubInbox(db);
      expect(inbox.find('a')).toMatchObject({ action: 'opened', status: 'pending' });
      expect(JSON.parse(inbox.find('a')?.body ?? '')).toMatchObject({ pull_request: { number: 2 } });
      expect(inbox.find('b')).toMatchObject({ status: 'failed', body: 'not json' });
      expect(await writer.storeAll([delivery('a', opened)])).toEqual(['duplicate']);
    } finally {
      await writer.close();
    }
  });

  it('answers each batch its own outcomes when several are stored in one transaction', async () => {
    const writer = startInboxWriter({ path: db.name, env: {}, logger });
    // Batch i: 1–3 new deliveries, then (after the first batch) a repeat of the very first one.
    const batch = (i: number): InboxDelivery[] => [
      ...Array.from({ length: (i % 3) + 1 }, (_, j) => delivery(`b${i}-${j}`, '{}')),
      ...(i === 0 ? [] : [delivery('b0-0', '{}')]),
    ];
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.storeAll(batch(i))));
      answers.forEach((outcomes, i) => {
        const fresh = Array.from({ length: (i % 3) + 1 }, () => 'stored');
        expect(outcomes).toEqual(i === 0 ? fresh : [...fresh, 'duplicate']);
      });
      expect(createGitHubInbox(db).pending(100)).toHaveLength(39);
    } finally {
      await writer.close();
    }
  });

  it('refuses the batch with the reason when the thread cannot store, and tries again on the next one', async () => {
    const path = join(dir, 'missing', 'shiplock.db');
    const writer = startInboxWriter({ path, env: {}, logger });
    await expect(writer.storeAll([delivery('a', '{}')])).rejects.toThrow(/shiplock_db_open|Cannot open/);
    await expect(writer.storeAll([delivery('b', '{}')])).rejects.toThrow(/shiplock_db_open|Cannot open/);
    await writer.close();
  });

  it('close waits for the batches in flight, then refuses new ones', async () => {
    const writer = startInboxWriter({ path: db.name, env: {}, logger });
    const pending = writer.storeAll([delivery('late', '{}')]);
    const closed = writer.close();
    expect(await pending).toEqual(['stored']);
    await closed;
    await expect(writer.storeAll([delivery('after', '{}')])).rejects.toThrow(/closed/);
    expect(createGitHubInbox(db).find('after')).toBeNull();
  });

  it('close finishes in a process that has nothing else to keep it alive (as in the bot stopping after its server closed)', () => {
    // An idle thread does not hold the process open; closing must hold it until the thread is gone.
    const source = (name: string) => JSON.stringify(fileURLToPath(new URL(`../../../src/${name}`, import.meta.url)));
    const script = join(dir, 'close.mts');
    writeFileSync(
      script,
      `import { startInboxWriter } from ${source('adapters/github/webhook/start-inbox-writer.ts')};
import { createLogger } from ${source('adapters/log/create-logger.ts')};
const writer = startInboxWriter({ path: ${JSON.stringify(db.name)}, env: {}, logger: createLogger('silent') });
console.log(JSON.stringify(await writer.storeAll([{ deliveryId: 'child', event: 'ping', receivedAt: 1, body: '{}' }])));
await writer.close();
console.log('closed');
`,
    );
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(output.trim().split('\n')).toEqual(['["stored"]', 'closed']);
  });
});
