/**
 * The inbox writer's thread (see `start-inbox-writer.ts`): its own connection to the database file,
 * with the same settings as every connection (WAL, `synchronous=FULL`, `BEGIN IMMEDIATE`), storing
 * the batches the event loop posts. Every batch that arrives while a commit runs is stored in the
 * next transaction together: one fsync for all of them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { configureCrashPoints } from '../../../shell/crash-point.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createGitHubInbox } from './create-github-inbox.ts';
import type { WriterData, WriterReply, WriterRequest } from './inbox-writer-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('inbox-writer-worker.ts runs as a worker thread (start-inbox-writer.ts).');
const data = workerData as WriterData;
configureCrashPoints(data.env);
const db = openDatabase(data.path);
const inbox = createGitHubInbox(db);

let queue: WriterRequest[] = [];
const flush = (): void => {
  if (queue.length === 0) return;
  const requests = queue;
  queue = [];
  let reply: WriterReply;
  try {
    const outcomes = inbox.storePrepared(requests.flatMap((r) => r.rows));
    reply = { kind: 'stored', ids: requests.map((r) => r.id), outcomes };
  } catch (error) {
    reply = { kind: 'failed', ids: requests.map((r) => r.id), error: String(error) };
  }
  port.postMessage(reply);
};

port.on('message', (message: WriterRequest | 'close') => {
  if (message === 'close') {
    flush();
    db.close();
    port.close();
    return;
  }
  queue.push(message);
  if (queue.length === 1) setImmediate(flush);
});
