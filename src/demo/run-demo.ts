import type { Rollout } from '../core/types.ts';
import { hasPrometheus } from '../sandbox/prometheus/start-prometheus.ts';
import { createReleaseApplier, type ReleaseApplier } from './apply-releases.ts';
import { chooseSandbox } from './choose-sandbox.ts';
import { createCleanup } from './create-cleanup.ts';
import { createTranscript, type Transcript } from './create-transcript.ts';
import type { DemoMode, DemoOptions, DemoResult } from './demo-options.ts';
import { describeEnding } from './describe-ending.ts';
import { scriptApprovers } from './drive-approvers.ts';
import { type AuditLogFollower, followAuditLog } from './follow-audit-log.ts';
import { DEMO_PR_TITLE, openDemoPullRequest } from './open-demo-pull-request.ts';
import { showBrowserView } from './show-browser-view.ts';
import { DEMO_CHANNEL, DEMO_PEOPLE, DEMO_PR, DEMO_REPO, type DemoWorld, startDemoWorld } from './start-demo-world.ts';
import { toNameOf } from './to-name-of.ts';
import { verifyDemoAudit } from './verify-demo-audit.ts';
import { watchRollout } from './watch-rollout.ts';

const TITLES: Record<DemoMode, string> = {
  happy: 'a pull request from opened to production, verified',
  'bad-canary': 'a pull request whose canary misbehaves: the judge stops the rollout',
  cancel: 'a pull request cancelled during its time lock: production never runs',
};

/** The phase and end reason each story must end with. */
const EXPECTED: Record<DemoMode, { readonly phase: string; readonly reason: string }> = {
  happy: { phase: 'deployed', reason: 'verified' },
  'bad-canary': { phase: 'rejected', reason: 'canary_unhealthy' },
  cancel: { phase: 'cancelled', reason: 'cancelled_by' },
};

/**
 * `npm run demo`: starts the stand-ins, the sample service, Prometheus and the real bot; opens a
 * pull request by signed webhook; follows the rollout through its audit log while scripted
 * approvers (or people in the browser view) click; then stops the bot and verifies the audit log
 * as `shiplock audit verify` does. Everything it started is stopped and deleted at the end, also
 * when `options.signal` aborts.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const t = createTranscript(options.out, Date.now);
  const cleanup = createCleanup();
  const sandbox = await chooseSandbox(options.sandbox, options.nodePath);
  const prometheus = options.prometheus === 'auto' ? (hasPrometheus() ? 'binary' : 'stand-in') : options.prometheus;
  let result: Omit<DemoResult, 'elapsedMs' | 'sandbox' | 'prometheus'> = {
    exitCode: 1,
    phase: null,
    endReason: null,
    deploys: {},
    auditVerified: false,
  };
  try {
    t.line(`shiplock demo: ${TITLES[options.mode]}`);
    t.line(sandbox.why);
    const world = await startDemoWorld({
      env: options.env,
      sandbox: sandbox.mode,
      prometheus,
      logLevel: options.env.LOG_LEVEL ?? 'silent',
      nodePath: options.nodePath,
      onCleanup: cleanup.add,
    });
    describeWorld(t, world);
    if (options.interactive) await showBrowserView(world, t, cleanup.add);
    result = await tellStory(options, t, world);
  } catch (error) {
    // Ctrl-C also reaches the children (git, the sample service): their deaths can surface here
    // before this process has handled its own SIGINT. Let the signal land before judging.
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!options.signal?.aborted) throw error;
  } finally {
    await cleanup.run();
  }
  if (options.signal?.aborted) {
    t.line('interrupted: everything the demo started is stopped and its temporary directory deleted');
    result = { ...result, exitCode: 130 };
  }
  return { ...result, sandbox: sandbox.mode, prometheus, elapsedMs: t.elapsedMs() };
}

function describeWorld(t: Transcript, world: DemoWorld): void {
  t.line(`started in ${world.dir}:`);
  t.line(`  Slack Web API stand-in   ${world.slack.url}  (#deploys; Alice writes, Bob and Carol approve)`);
  t.line(`  GitHub REST stand-in     ${world.github.url}  (${DEMO_REPO}, a real git repository)`);
  t.line(`  OpenAI stand-in          ${world.openai.url}  (the advisory reviewer's model)`);
  t.line(`  sample service           ${world.service.url}/metrics  (baseline, canary, production tracks; own process)`);
  const prometheus = world.prometheus.kind === 'binary' ? 'the prometheus binary' : 'query_range stand-in';
  t.line(`  Prometheus               ${world.prometheus.url}  (${prometheus}, scraping it every 250 ms)`);
  t.line(`  shiplock                 ${world.bot.url}  (SQLite ${world.config.database})`);
}

/** Opens the PR and follows it to its end; then stops the bot and verifies the audit log. */
async function tellStory(options: DemoOptions, t: Transcript, world: DemoWorld) {
  const status = await openDemoPullRequest(world);
  t.line(
    `GitHub stand-in: alice opens PR #${DEMO_PR} "${DEMO_PR_TITLE}"; signed pull_request webhook → HTTP ${status}`,
  );
  const releases: ReleaseApplier = createReleaseApplier(world.stateDir, world.service, options.mode === 'bad-canary');
  const follower = followAuditLog(world.config, DEMO_REPO, DEMO_PR);
  try {
    const humans = options.interactive
      ? null
      : scriptApprovers(
          world.slack,
          {
            channel: DEMO_CHANNEL,
            approvers: [DEMO_PEOPLE.bob, DEMO_PEOPLE.carol],
            ...(options.mode === 'cancel' ? { cancel: { by: DEMO_PEOPLE.carol, afterMs: 7000 } } : {}),
          },
          (line) => t.line(line),
        );
    const rollout = await watchRollout({
      world,
      follower,
      releases,
      humans,
      say: (line) => t.line(line),
      timeoutMs: options.timeoutMs ?? (options.interactive ? 1_800_000 : 300_000),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return await concludeStory(options.mode, t, world, { follower, releases, rollout });
  } finally {
    follower.close();
  }
}

/** Stops the bot, tells the last of the log, verifies it as `shiplock audit verify` does, and judges the story. */
async function concludeStory(
  mode: DemoMode,
  t: Transcript,
  world: DemoWorld,
  seen: { readonly follower: AuditLogFollower; readonly releases: ReleaseApplier; readonly rollout: Rollout | null },
) {
  const { follower, releases, rollout } = seen;
  await world.bot.shell.idle();
  await world.stopBot();
  follower.poll((line) => t.line(line));
  for (const line of releases.poll()) t.line(line);
  t.line(describeEnding(rollout, toNameOf(world.config)));
  const deploys = countDeploys(releases.runs());
  const audit = await verifyDemoAudit(world.config.database);
  t.line(audit.line);
  const expected = EXPECTED[mode];
  const endReason = rollout?.ended?.reason.code ?? null;
  const asExpected =
    rollout?.phase === expected.phase &&
    endReason === expected.reason &&
    audit.ok &&
    (deploys.production ?? 0) === (mode === 'happy' ? 1 : 0);
  t.line(summaryLine(mode, rollout?.phase ?? null, endReason, deploys, asExpected));
  return { exitCode: asExpected ? 0 : 1, phase: rollout?.phase ?? null, endReason, deploys, auditVerified: audit.ok };
}

function countDeploys(runs: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const run of runs) {
    const stage = run.split(' ')[0] ?? '';
    counts[stage] = (counts[stage] ?? 0) + 1;
  }
  return counts;
}

function summaryLine(
  mode: DemoMode,
  phase: string | null,
  reason: string | null,
  deploys: Record<string, number>,
  ok: boolean,
): string {
  const ran = Object.entries(deploys)
    .map(([stage, n]) => `${stage} ×${n}`)
    .join(', ');
  const verdict = ok ? 'as it should' : `NOT as it should (expected ${EXPECTED[mode].phase})`;
  return `done: rollout ${phase ?? 'never started'}${reason === null ? '' : ` (${reason})`}; deploy scripts ran: ${ran || 'none'} — ${verdict}`;
}
