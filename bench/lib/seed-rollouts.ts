import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { decide } from '../../src/core/decide.ts';
import type { Event, Phase, Policy, PullRequestInfo, PullRequestState } from '../../src/core/types.ts';
import { createShell, type Shell } from '../../src/shell/create-shell.ts';
import { type Store, toPrKey } from '../../src/shell/ports.ts';
import { createRecordingPorts } from '../../test/fakes/create-recording-ports.ts';

/**
 * Seeding many rollouts quickly and faithfully. One pull request is driven through the real shell
 * (real store, test fakes for the outside world, a stepped clock) and its event log is kept; every
 * seeded pull request then replays that log, renamed, through the real `decide` and the real
 * `StoreTx.commit` (hash-chained event, snapshot, rollouts index, timers, outbox), many pull
 * requests per `BEGIN IMMEDIATE` transaction — the shell's own write path with its group commit.
 * Outbox rows are marked done as the template's were (every command of the template had run).
 */

/** The events of one pull request up to a point, and the phase its rollout was then in. */
export interface Template {
  readonly name: string;
  readonly phase: Phase;
  readonly events: readonly Event[];
}

/** The identifiers a template is recorded with; seeding replaces them. */
export const TPL = { repo: 'tpl-owner/tpl-repo', number: 987654, sha: 'fe'.repeat(20), rolloutId: 'rtpl-0001' };

/** What a template step does to the template's pull request (through the real shell). */
export interface TemplateStep {
  readonly name: string;
  /** Runs the step; `at` is the stepped clock's time. */
  run(send: (event: Event) => void, at: () => number, advance: (ms: number) => void): void;
}

function templatePr(): PullRequestInfo {
  return {
    repo: TPL.repo,
    number: TPL.number,
    sha: TPL.sha,
    title: 'Change: make the thing faster',
    author: 'alice',
    commitAuthors: ['alice'],
    url: `https://github.com/${TPL.repo}/pull/${TPL.number}`,
  };
}

/**
 * Records templates: the PR is opened at `startAt` and runs to quiet, then each step runs and the
 * log up to that point is one template. Throws if a template leaves a command unfinished.
 */
export async function recordTemplates(policy: Policy, startAt: number, steps: readonly TemplateStep[]) {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-template-'));
  const store = createSqliteStore(openDatabase(join(dir, 'shiplock.db')));
  let now = startAt;
  const shell: Shell = createShell({
    store,
    ports: createRecordingPorts().ports,
    clock: { now: () => now },
    policyFor: () => policy,
    logger: createLogger('silent'),
  });
  const prKey = toPrKey(TPL.repo, TPL.number);
  const templates: Template[] = [];
  const keep = (name: string): void => {
    if (store.pendingOutbox(1).length > 0) throw new Error(`bench: template ${name} left a command unfinished`);
    const phase = store.loadPullRequest(prKey)?.rollouts.at(-1)?.phase;
    if (phase === undefined) throw new Error(`bench: template ${name} has no rollout`);
    templates.push({ name, phase, events: store.readEvents(0, 1_000_000).map((row) => row.event) });
  };
  try {
    shell.handle({ type: 'PullRequestOpened', at: now, pr: templatePr(), rolloutId: TPL.rolloutId });
    await shell.idle();
    keep('opened');
    for (const step of steps) {
      step.run(
        (event) => shell.handle(event),
        () => now,
        (ms) => {
          now += ms;
          shell.tick();
        },
      );
      await shell.idle();
      keep(step.name);
    }
    return templates;
  } finally {
    shell.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The seeded pull request's identity. */
export interface SeedIds {
  readonly repo: string;
  readonly number: number;
  readonly sha: string;
  readonly rolloutId: string;
}

/** The template's events with its identifiers replaced by `ids`. */
export function renameEvents(template: Template, ids: SeedIds): Event[] {
  const text = JSON.stringify(template.events)
    .replaceAll(TPL.repo, ids.repo)
    .replaceAll(`"number":${TPL.number}`, `"number":${ids.number}`)
    .replaceAll(`/pull/${TPL.number}`, `/pull/${ids.number}`)
    .replaceAll(TPL.sha, ids.sha)
    .replaceAll(TPL.rolloutId, ids.rolloutId);
  return JSON.parse(text) as Event[];
}

/**
 * Seeds pull requests `0..count-1`: PR `i` replays `templateOf(i)` renamed to `idsOf(i)`, `perTx`
 * pull requests per transaction. Returns the phase counts.
 */
export function seedRollouts(
  store: Store,
  options: {
    readonly count: number;
    readonly idsOf: (i: number) => SeedIds;
    readonly templateOf: (i: number) => Template;
    readonly policyFor: (repo: string) => Policy;
    readonly perTx?: number;
  },
): Record<string, number> {
  const perTx = options.perTx ?? 250;
  const phases: Record<string, number> = {};
  for (let from = 0; from < options.count; from += perTx) {
    store.transact((tx) => {
      for (let i = from; i < Math.min(options.count, from + perTx); i += 1) {
        const ids = options.idsOf(i);
        const policy = options.policyFor(ids.repo);
        const prKey = toPrKey(ids.repo, ids.number);
        let state: PullRequestState | null = tx.loadPullRequest(prKey);
        for (const event of renameEvents(options.templateOf(i), ids)) {
          const decision = decide(state, event, policy);
          const { outbox } = tx.commit({
            prKey,
            event,
            policy,
            before: state,
            state: decision.state,
            commands: decision.commands,
          });
          for (const row of outbox) store.markOutboxDone(row.id);
          state = decision.state;
        }
        const phase = state?.rollouts.at(-1)?.phase ?? 'none';
        phases[phase] = (phases[phase] ?? 0) + 1;
      }
    });
  }
  return phases;
}
