/**
 * Orchestrator decision including its SQLite transaction (issue 8): the path the shell takes for
 * every event — `BEGIN IMMEDIATE`, load the pull request's snapshot, `decide()`, write the
 * hash-chained event, the snapshot and its rollouts index, the timers and the outbox, `COMMIT` —
 * timed around the real store's `transact` as the real shell calls it, on a real SQLite file (WAL,
 * `synchronous=FULL`), with the test fakes as the outside world so every command runs and its
 * result is decided too.
 *
 * Aggregates: 100 pull requests seeded to `awaiting_approval` through the real write path, then 4
 * cycles each of: approve by the author (refused), approve by UBOB, approve by UCAROL (quorum: time
 * lock and its timer), cancel (timers dropped), and a push (the rollout is superseded and a new one
 * runs its gates, review, staging, canary, judge back to awaiting approval). So the aggregates grow
 * to five rollouts each, and every kind of decision the chain makes is in the sample.
 *
 * Baseline, side by side: right after each shiplock decision, the same bytes (an event row as long
 * as the event's, the snapshot's length, as many outbox rows of the same lengths) are written to
 * another SQLite file in one better-sqlite3 transaction with WAL and `synchronous=FULL`: what a
 * bare "store it" costs on this disk at this moment, without decide, hashing or JSON.
 *
 * Goal: p99 ≤ 5 ms per decision.
 *
 *   npx tsx bench/decision-latency.ts     (DECISION_BENCH_PRS=100 DECISION_BENCH_CYCLES=4)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import type { Event } from '../src/core/types.ts';
import type { Store } from '../src/shell/ports.ts';
import {
  benchPolicy,
  benchPullRequest,
  createBenchShell,
  rolloutOf,
  seedAwaitingApproval,
} from './lib/create-bench-shell.ts';
import { machineLine } from './lib/machine-line.ts';
import { formatLine, formatPercentiles, summarize } from './lib/summarize.ts';

const PRS = Number(process.env.DECISION_BENCH_PRS ?? '100');
const CYCLES = Number(process.env.DECISION_BENCH_CYCLES ?? '4');
const GOAL_P99_MS = 5;

interface Written {
  readonly event: number;
  readonly snapshot: number;
  readonly outbox: readonly number[];
}

/** The bare baseline: the same bytes in one transaction on its own file, WAL + synchronous=FULL. */
function createBare(path: string): (w: Written) => number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE snapshots (k TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE outbox (id INTEGER PRIMARY KEY, body TEXT NOT NULL);`);
  const insertEvent = db.prepare('INSERT INTO events (body) VALUES (?)');
  const upsert = db.prepare(
    'INSERT INTO snapshots (k, body) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET body = excluded.body',
  );
  const insertOutbox = db.prepare('INSERT INTO outbox (body) VALUES (?)');
  let n = 0;
  const write = db.transaction((w: Written) => {
    insertEvent.run('e'.repeat(w.event));
    upsert.run(`pr-${n++ % PRS}`, 's'.repeat(w.snapshot));
    for (const length of w.outbox) insertOutbox.run('o'.repeat(length));
  });
  return (w) => {
    const started = performance.now();
    write.immediate(w);
    return performance.now() - started;
  };
}

interface Sample {
  readonly type: string;
  readonly ms: number;
  readonly bareMs: number;
  readonly snapshot: number;
}

type Sizes = (afterSeq: number, eventLength: number) => Written;

/**
 * Times every outermost `transact` of the shell; for each one that recorded an event, reads what it
 * wrote (untimed, another connection) and writes the same bytes to the bare file at once.
 */
function timing(bare: (w: Written) => number, samples: Sample[]) {
  let depth = 0;
  let lastSeq = 0;
  let measuring: { events: Statement<[number], { seq: number; type: string; n: number }>; sizes: Sizes } | null = null;
  const wrap = (store: Store): Store => ({
    ...store,
    transact(fn) {
      if (depth > 0 || measuring === null) return store.transact(fn);
      const { events, sizes } = measuring;
      depth += 1;
      const started = performance.now();
      try {
        return store.transact(fn);
      } finally {
        const ms = performance.now() - started;
        depth -= 1;
        const written = events.all(lastSeq);
        const last = written.at(-1);
        if (last !== undefined && written.length === 1) {
          const w = sizes(lastSeq, last.n);
          samples.push({ type: last.type, ms, bareMs: bare(w), snapshot: w.snapshot });
        }
        if (last !== undefined) lastSeq = last.seq;
      }
    },
  });
  /** From now on (seeding is not a decision taken one by one), reading sizes through `reader`. */
  const start = (reader: Database.Database): void => {
    const events = reader.prepare<[number], { seq: number; type: string; n: number }>(
      'SELECT seq, type, length(body) AS n FROM events WHERE seq > ? ORDER BY seq',
    );
    const snapshot = reader.prepare<[number], { n: number }>(
      'SELECT length(state) AS n FROM pull_requests WHERE last_seq > ?',
    );
    const outbox = reader.prepare<[number], { n: number }>('SELECT length(body) AS n FROM outbox WHERE event_seq > ?');
    lastSeq = events.all(0).at(-1)?.seq ?? 0;
    measuring = {
      events,
      sizes: (after, event) => ({
        event,
        snapshot: snapshot.get(after)?.n ?? 0,
        outbox: outbox.all(after).map((r) => r.n),
      }),
    };
  };
  return { wrap, start };
}

async function main(): Promise<number> {
  console.log(machineLine('start'));
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-decision-'));
  const samples: Sample[] = [];
  const handleMs: number[] = [];
  const bare = createBare(join(dir, 'bare.db'));
  const policy = benchPolicy({ timeLockMs: 15 * 60_000, canaryWatchMs: 60_000 });
  const policyFor = () => policy;
  const timer = timing(bare, samples);
  const bench = createBenchShell(dir, policyFor, timer.wrap);
  const reader = new Database(join(dir, 'shiplock.db'), { readonly: true });
  try {
    await seedAwaitingApproval(bench, PRS, policyFor);
    timer.start(reader);
    const handle = (event: Event): void => {
      const started = performance.now();
      bench.shell.handle(event);
      handleMs.push(performance.now() - started);
    };
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      for (let i = 0; i < PRS; i += 1) {
        const r = rolloutOf(bench.store, i);
        if (r?.phase !== 'awaiting_approval') throw new Error(`bench: r${i} is ${r?.phase}`);
        const click = { rolloutId: r.id, sha: r.pr.sha };
        handle({ type: 'ApproveClicked', at: Date.now(), ...click, user: 'UAUTHOR' });
        handle({ type: 'ApproveClicked', at: Date.now(), ...click, user: 'UBOB' });
        handle({ type: 'ApproveClicked', at: Date.now(), ...click, user: 'UCAROL' });
        handle({ type: 'CancelRequested', at: Date.now(), rolloutId: r.id, user: 'UBOB' });
        const sha = `${cycle + 1}`.padStart(8, '0') + benchPullRequest(i).sha.slice(8);
        const pr = { ...benchPullRequest(i), sha };
        handle({ type: 'PullRequestPushed', at: Date.now(), pr, rolloutId: `r${i}-c${cycle + 1}` });
        // Let the commands run (the gates, deploys and judge answer at once) before the next PR.
        await bench.shell.idle();
      }
    }
    const all = summarize(samples.map((s) => s.ms));
    const base = summarize(samples.map((s) => s.bareMs));
    const clicks = summarize(handleMs);
    const snapshot = summarize(samples.map((s) => s.snapshot));
    const approvals = summarize(samples.filter((s) => s.type === 'ApproveClicked').map((s) => s.ms));
    const lines = [
      ...formatPercentiles('decision + SQLite transaction', all, 'ms', { versus: { summary: base, of: 'bare' } }),
      ...formatPercentiles('bare same-size transaction', base, 'ms', { keys: ['p50', 'p99'] }),
      formatLine('approve clicks only, p50', approvals.p50, 'ms'),
      formatLine('approve clicks only, p99', approvals.p99, 'ms'),
      formatLine('shell.handle of a human event (incl. starting its commands) p50', clicks.p50, 'ms'),
      formatLine('shell.handle of a human event p99', clicks.p99, 'ms'),
      `decisions measured: ${all.count} (${PRS} pull requests × ${CYCLES} cycles); snapshot size p50 ${snapshot.p50} B, max ${snapshot.max} B`,
      `goal (p99 ≤ ${GOAL_P99_MS} ms): ${all.p99 <= GOAL_P99_MS ? 'met' : 'NOT met'} this run`,
      machineLine('end'),
    ];
    for (const line of lines) console.log(line);
    return 0;
  } finally {
    await bench.stop();
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
