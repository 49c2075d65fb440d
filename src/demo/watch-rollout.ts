import { isTerminal } from '../core/phases.ts';
import type { Rollout } from '../core/types.ts';
import type { ReleaseApplier } from './apply-releases.ts';
import type { ScriptedApprovers } from './drive-approvers.ts';
import type { AuditLogFollower } from './follow-audit-log.ts';
import { DEMO_CHANNEL, type DemoWorld } from './start-demo-world.ts';

/** What the demo's loop watches and drives. */
export interface WatchOptions {
  readonly world: DemoWorld;
  readonly follower: AuditLogFollower;
  readonly releases: ReleaseApplier;
  /** `null` with `--interactive`: people click in the browser. */
  readonly humans: ScriptedApprovers | null;
  readonly say: (line: string) => void;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const TICK_MS = 100;

/**
 * Every 100 ms: tells the transcript what the audit log and the deploy ledger recorded, notes the
 * card, counts the time lock down every five seconds, and lets the scripted humans click. Returns
 * the rollout once it reached a terminal phase; throws on timeout or abort.
 */
export async function watchRollout(options: WatchOptions): Promise<Rollout | null> {
  const { world, follower, releases, humans, say } = options;
  const deadline = Date.now() + options.timeoutMs;
  let cardPosted = false;
  let lastCountdown: number | null = null;
  const prometheus: { state: 'starting' | 'ready' | 'said' | Error } = { state: 'starting' };
  world.prometheus.ready.then(
    () => {
      prometheus.state = 'ready';
    },
    (error: unknown) => {
      prometheus.state = error instanceof Error ? error : new Error(String(error));
    },
  );
  for (;;) {
    if (options.signal?.aborted) throw new Error('demo: interrupted');
    if (Date.now() > deadline) throw new Error(`demo: the rollout did not finish within ${options.timeoutMs / 1000} s`);
    if (prometheus.state instanceof Error) throw prometheus.state;
    if (prometheus.state === 'ready') {
      say(`Prometheus is up and has scraped the sample service (${world.prometheus.kind})`);
      prometheus.state = 'said';
    }
    const rollout = follower.poll(say);
    for (const line of releases.poll()) say(line);
    const card = world.slack.messages(DEMO_CHANNEL)[0];
    if (!cardPosted && card !== undefined) {
      cardPosted = true;
      say(`Slack: shiplock posted the rollout card in #deploys (updated in place from now on; ts ${card.ts})`);
    }
    if (rollout !== null && isTerminal(rollout.phase)) return rollout;
    if (rollout !== null) {
      lastCountdown = countDown(rollout, lastCountdown, say);
      await humans?.act(rollout, Date.now());
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
}

/** A countdown line at every five seconds left of the lock (and when it pauses). */
function countDown(rollout: Rollout, last: number | null, say: (line: string) => void): number | null {
  if (rollout.phase !== 'time_locked') return null;
  if (rollout.lockPaused !== undefined) {
    if (last !== -1)
      say(`time lock PAUSED (canary in doubt) with ${Math.ceil(rollout.lockPaused.remainingMs / 1000)} s left`);
    return -1;
  }
  if (rollout.unlockAt === null) return last;
  const left = Math.max(0, Math.ceil((rollout.unlockAt - Date.now()) / 1000));
  const mark = Math.ceil(left / 5) * 5;
  const resumed = last === -1;
  if (last !== null && !resumed && mark >= last) return last;
  const what = left === 0 ? 'time lock: 0 s left' : `time lock: ${left} s left — anyone named can still click Cancel`;
  say(resumed ? `${what} (resumed: the canary is healthy again)` : what);
  return mark;
}
