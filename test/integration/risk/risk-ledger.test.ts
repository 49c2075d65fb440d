import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { createRiskEngine, type RiskEngine, type RiskNotice } from '../../../src/adapters/risk/create-risk-engine.ts';
import { createRiskLog } from '../../../src/adapters/risk/create-risk-log.ts';
import { withRiskLedger } from '../../../src/adapters/risk/with-risk-ledger.ts';
import { riskSchema } from '../../../src/config/risk-schema.ts';
import { toRiskConfig } from '../../../src/config/to-risk-config.ts';
import { newRollout } from '../../../src/core/decide.ts';
import type { RiskLedgerEvent } from '../../../src/core/risk/ledger-types.ts';
import { stepDownPolicy } from '../../../src/core/risk/step-down-policy.ts';
import type { Event, Policy, Rollout } from '../../../src/core/types.ts';
import { createShell, type Shell } from '../../../src/shell/create-shell.ts';
import type { Store } from '../../../src/shell/ports.ts';
import { createRecordingPorts, type FakeWorld } from '../../fakes/create-recording-ports.ts';
import { POLICY, prAt, SHA_A } from '../../support/core-fixtures.ts';

/** The risk ledger on a real SQLite file under the real shell: automatic incidents, once, atomically. */
const PR_KEY = 'acme/api#7';
const policy: Policy = { ...POLICY, verificationMs: 0 };

let dir: string;
let db: Database.Database;
let store: Store;
let engine: RiskEngine;
let notices: RiskNotice[];
let shell: Shell | undefined;
let now: number;

function build(world: Partial<FakeWorld> = {}): void {
  const fakes = createRecordingPorts(world);
  shell = createShell({
    store,
    ports: fakes.ports,
    clock: { now: () => now },
    policyFor: () => stepDownPolicy(policy, engine.stepDown()),
    logger: createLogger('silent'),
    retryBaseMs: 5,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-risk-'));
  db = openDatabase(join(dir, 'shiplock.db'));
  notices = [];
  engine = createRiskEngine({
    db,
    risk: toRiskConfig(riskSchema.parse({})),
    logger: createLogger('silent'),
    notify: async (notice) => {
      notices.push(notice);
    },
  });
  store = withRiskLedger(createSqliteStore(db), engine);
  now = Date.UTC(2026, 10, 23, 12);
});

afterEach(() => {
  shell?.stop();
  shell = undefined;
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function rollout(): Rollout {
  const r = store.loadPullRequest(PR_KEY)?.rollouts.at(-1);
  if (r === undefined) throw new Error('no rollout');
  return r;
}

async function send(event: Event): Promise<void> {
  shell?.handle(event);
  await shell?.idle();
}

async function deployToProduction(): Promise<void> {
  await send({ type: 'PullRequestOpened', at: now, pr: prAt(SHA_A), rolloutId: 'r1' });
  for (const user of ['UBOB', 'UCAROL']) {
    await send({ type: 'ApproveClicked', at: now, rolloutId: 'r1', sha: SHA_A, user });
  }
  now += policy.timeLockMs;
  shell?.tick();
  await shell?.idle();
}

const riskRows = () =>
  db
    .prepare<[], { type: string; body: string }>("SELECT type, body FROM events WHERE pr_key = 'shiplock:risk'")
    .all()
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('risk ledger: automatic incidents', () => {
  it('a production rollback charges the canary once, in the log, and audit verify passes', async () => {
    build({ verifyOk: () => false });
    await deployToProduction();
    expect(rollout().phase).toBe('rolled_back');
    const incidents = riskRows().filter((r) => r.type === 'RiskIncidentRecorded');
    expect(incidents).toEqual([
      expect.objectContaining({
        component: 'canary_analysis',
        mode: 'approves_bad_deploy',
        source: 'production_rollback',
        rolloutId: 'r1',
        repo: 'acme/api',
        by: null,
      }),
    ]);
    // The canary (and with it the system) went over: recorded once each, warned once each.
    expect(notices.map((n) => [n.crossing.scope, n.crossing.to])).toEqual([
      ['canary_analysis', 'over'],
      ['system', 'over'],
    ]);
    expect(engine.stepDown()?.scopes).toEqual(['canary_analysis', 'system']);
    // A redelivered event changes nothing and charges nothing.
    const last = db
      .prepare<[string], { body: string }>('SELECT body FROM events WHERE pr_key = ? ORDER BY seq DESC LIMIT 1')
      .get(PR_KEY);
    await send(JSON.parse(last?.body ?? '{}') as Event);
    expect(riskRows().filter((r) => r.type === 'RiskIncidentRecorded')).toHaveLength(1);
    expect(notices).toHaveLength(2);
    expect(verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('a failed production deploy charges the tests', async () => {
    build({ deployOk: (stage) => stage !== 'production' });
    await deployToProduction();
    const charged = riskRows()
      .filter((r) => r.type === 'RiskIncidentRecorded')
      .map((r) => `${r.source}:${r.component}.${r.mode}`);
    // One bad rollout charges each harm mode once: the failed deploy the tests, its rollback the canary.
    expect(charged).toEqual([
      'production_rollback:canary_analysis.approves_bad_deploy',
      'deploy_failed:tests.false_pass',
    ]);
    expect(verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('a deploy that succeeds charges nothing; its deploy is an opportunity and nothing crosses', async () => {
    build();
    await deployToProduction();
    expect(rollout().phase).toBe('deployed');
    expect(riskRows()).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('is atomic with its cause: a transaction that fails records neither', () => {
    const before = riskRows().length;
    const r1: Rollout = {
      ...newRollout('rx', prAt(SHA_A), now),
      phase: 'rolled_back',
      epoch: 2,
      deploys: {
        production: { status: 'succeeded', epoch: 1, claimedAt: now, finishedAt: now, summary: '' },
        rollback: { status: 'claimed', epoch: 2, claimedAt: now, finishedAt: null, summary: '' },
      },
    };
    const state = { repo: 'acme/api', number: 7, rollouts: [r1], freeze: null, closed: false };
    const event: Event = { type: 'RollbackRequested', at: now, rolloutId: 'rx', user: 'UBOB' };
    expect(() =>
      store.transact((tx) => {
        tx.commit({ prKey: PR_KEY, event, policy, before: tx.loadPullRequest(PR_KEY), state, commands: [] });
        expect(riskRows().length).toBe(before + 3); // the incident and two crossings, inside
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(riskRows().length).toBe(before);
    expect(notices).toEqual([]);
  });
});

describe('shiplock audit verify and the risk stream', () => {
  const ack = (key: string): RiskLedgerEvent => ({ type: 'RiskAcknowledged', at: now, key, by: 'UBOB', reason: 'r' });

  it('verifies a well-formed stream, and names a row that is no ledger event or repeats a key', () => {
    const log = createRiskLog(db);
    log.append(ack('a'), '{}');
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, count: 1 });
    log.append(ack('a'), '{}');
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, problem: 'risk_event_invalid', firstBadSeq: 2 });
  });

  it('refuses a chained row of another type in the stream', () => {
    createRiskLog(db).append({ ...ack('b'), type: 'Nope' } as unknown as RiskLedgerEvent, '{}');
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, problem: 'risk_event_invalid', firstBadSeq: 1 });
  });
});
