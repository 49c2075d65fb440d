import { setTimeout as delay } from 'node:timers/promises';
import type { GateOutcome } from '../../core/types.ts';
import type { Clock } from '../../shell/ports.ts';
import type { CheckRunSnapshot, GitHubApi } from '../github/github-api.ts';
import { createWaitSignals, type WakeSignal } from './wait-signals.ts';

/** Waits `ms`, or less when `signal` aborts (it may then reject; the gate ignores how it ends). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Dependencies of {@link createCheckGate}. */
export interface CheckGateOptions {
  readonly api: Pick<GitHubApi, 'listCheckRuns'>;
  readonly clock: Clock;
  readonly sleep?: Sleep;
  /** How often GitHub is asked when no webhook arrives. */
  readonly pollMs?: number;
}

/** One wait for a named check run on an exact commit. */
export interface CheckGateInput {
  /** `owner/name`. */
  readonly repo: string;
  readonly sha: string;
  /** The check run's name exactly as CI reports it, e.g. `build / test (20)`. */
  readonly checkName: string;
  /** How long the check may take to report before the gate gives up with `error`. */
  readonly timeoutMs: number;
}

/** A gate that reuses CI: it passes when the named GitHub check run on the SHA succeeds. */
export interface CheckGate {
  run(input: CheckGateInput): Promise<GateOutcome>;
  /** Look now (a `check_run` or `check_suite` webhook completed); `'*'` wakes every name on the SHA. */
  notify(repo: string, sha: string, checkName: string): void;
}

type Verdict =
  | { readonly status: 'passed' | 'failed'; readonly summary: string }
  | { readonly status: 'waiting'; readonly last: string };

/**
 * Creates the check-run gate. It asks GitHub now and every `pollMs`, and early when `notify` is
 * called. The newest run with the name decides (a re-run supersedes the old result); only
 * `success` passes. `skipped`, `neutral` and `stale` fail: a required check that did not really
 * run must not let code through (fail closed, as Shipit treats a missing required status). No
 * run by the deadline, or a GitHub API that fails until then, is `error` (Shipit's "Missing").
 */
export function createCheckGate(options: CheckGateOptions): CheckGate {
  const signals = createWaitSignals();
  const sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  const pollMs = options.pollMs ?? 30_000;
  const { clock } = options;

  async function run(input: CheckGateInput): Promise<GateOutcome> {
    const started = clock.now();
    const deadline = started + input.timeoutMs;
    let lastError: string | undefined;
    let last = 'did not report';
    for (;;) {
      // Armed before asking, so a webhook that lands while the request is in flight still counts.
      const signal = signals.arm(input.repo, input.sha, input.checkName);
      try {
        try {
          const verdict = toVerdict(
            await options.api.listCheckRuns(input.repo, input.sha, input.checkName),
            input.checkName,
          );
          lastError = undefined;
          if (verdict.status !== 'waiting') return { ...verdict, durationMs: clock.now() - started };
          last = verdict.last;
        } catch (error) {
          lastError = toErrorCode(error); // retried on the next poll
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
          return {
            status: 'error',
            summary: timeoutSummary(input, last, lastError),
            durationMs: clock.now() - started,
          };
        }
        await waitForWake(sleep, signal, Math.min(pollMs, remaining));
      } finally {
        signal.cancel();
      }
    }
  }

  return { run, notify: (repo, sha, checkName) => signals.notify(repo, sha, checkName) };
}

async function waitForWake(sleep: Sleep, signal: WakeSignal, ms: number): Promise<void> {
  const abort = new AbortController();
  try {
    await Promise.race([sleep(ms, abort.signal).catch(() => undefined), signal.woken]);
  } finally {
    abort.abort(); // frees the timer so a finished gate does not hold the process open
  }
}

/** The newest run (highest id: GitHub ids only grow) decides, whatever order the API used. */
function toVerdict(runs: readonly CheckRunSnapshot[], checkName: string): Verdict {
  const newest = runs
    .filter((r) => r.name === checkName)
    .reduce<CheckRunSnapshot | undefined>((a, r) => (a === undefined || r.id > a.id ? r : a), undefined);
  const name = `check run ${oneLine(checkName)}`;
  if (newest === undefined) return { status: 'waiting', last: 'did not report' };
  if (newest.status !== 'completed') return { status: 'waiting', last: `was still ${newest.status}` };
  const url = oneLine(newest.htmlUrl);
  switch (newest.conclusion) {
    case 'success':
      return { status: 'passed', summary: `${name} succeeded` };
    case 'failure':
    case 'cancelled':
    case 'timed_out':
    case 'action_required':
      return { status: 'failed', summary: `${name} concluded ${newest.conclusion}: ${url}` };
    case 'neutral':
    case 'skipped':
    case 'stale':
      return {
        status: 'failed',
        summary: `${name} concluded ${newest.conclusion}; a required check must succeed: ${url}`,
      };
    case null:
      return { status: 'failed', summary: `${name} completed without a conclusion: ${url}` };
  }
}

function timeoutSummary(input: CheckGateInput, last: string, lastError: string | undefined): string {
  const within = formatDuration(input.timeoutMs);
  const name = `check run ${oneLine(input.checkName)}`;
  if (lastError !== undefined) return `${name}: GitHub API kept failing until the ${within} limit (${lastError})`;
  return last === 'did not report' ? `${name} did not report within ${within}` : `${name} ${last} after ${within}`;
}

/** The stable `shiplock_…` code of an API error, never its (possibly long or untrusted) text. */
function toErrorCode(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^shiplock_[a-z0-9_]+/.exec(message)?.[0] ?? 'unexpected_error';
}

/** `30m`, `2h`, `45s`, or `1500ms`: whichever unit divides the duration exactly. */
function formatDuration(ms: number): string {
  if (ms > 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms > 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms > 0 && ms % 1_000 === 0) return `${ms / 1_000}s`;
  return `${ms}ms`;
}

/** Card summaries are one line: names and URLs come from GitHub and could hold anything. */
function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, 200);
}
