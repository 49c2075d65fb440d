/**
 * Named kill points for the crash-safety suite (issue #6): `crashPoint(name)` kills the process with
 * SIGKILL, right there and then, when the composition root configured that name
 * (`SHIPLOCK_CRASH_AT`, and `SHIPLOCK_CRASH_NTH` for which occurrence, default the first).
 * Unconfigured — always, in production — it is one comparison and returns.
 *
 * The points sit along the real path of an event: receive (GitHub webhook, Slack click), persist and
 * decide (the shell's transaction), execute (every port call and its result), report, timers, the
 * outbox and recovery. `test/integration/crash/` kills the bot at each of them and checks the
 * invariants after a restart; docs/crash-safety.md lists them.
 */
import type { Command, DeployStage } from '../core/types.ts';

const DEPLOY_POINTS = ['before_claim', 'after_claim', 'before_script', 'after_script'] as const;
const STAGES = ['staging', 'canary', 'production', 'rollback'] as const satisfies readonly DeployStage[];

/** A kill point of a deploy stage: the claim commit, then the script, then its result. */
export type DeployCrashPoint = `deploy.${DeployStage}.${(typeof DEPLOY_POINTS)[number]}`;

/** Every named kill point, in the order of the path they sit on. */
export const CRASH_POINTS = [
  'boot.after_open',
  'boot.before_recover',
  'recover.after_unknown',
  'recover.after_scan',
  'boot.ready',
  'github.webhook.after_verify',
  'github.inbox.before_insert_commit',
  'github.webhook.after_insert',
  'github.webhook.after_answer',
  'github.processor.before_sink',
  'github.processor.before_mark_done',
  'github.processor.after_mark_done',
  'slack.action.after_ack',
  'slack.action.before_record',
  'slack.action.after_record',
  'shell.batch.before_commit',
  'shell.batch.after_commit',
  'shell.before_decide',
  'shell.after_decide',
  'db.after_event_insert',
  'db.after_snapshot',
  'db.after_commands',
  'shell.after_commit',
  'outbox.claimed',
  'gate.after_started_commit',
  'exec.run_gate.before',
  'exec.run_gate.after',
  ...STAGES.flatMap((stage) => DEPLOY_POINTS.map((point): DeployCrashPoint => `deploy.${stage}.${point}`)),
  'exec.judge_canary.before',
  'exec.judge_canary.after',
  'exec.run_preflight.before',
  'exec.run_preflight.after',
  'exec.run_verification.before',
  'exec.run_verification.after',
  'exec.report_to_github.before',
  'exec.report_to_github.after',
  'exec.publish_card.before',
  'exec.publish_card.after',
  'exec.post_thread.before',
  'exec.post_thread.after',
  'exec.reply_ephemeral.before',
  'exec.reply_ephemeral.after',
  'outbox.before_result_commit',
  'outbox.after_result_commit',
  'outbox.before_done',
  'outbox.after_done',
  'timer.due_found',
  'timer.after_fire_commit',
] as const;

/** The name of a kill point. */
export type CrashPointName = (typeof CRASH_POINTS)[number];

interface Armed {
  readonly name: string;
  remaining: number;
  readonly kill: () => void;
}

let armed: Armed | null = null;

/**
 * Arms the kill point named by `env.SHIPLOCK_CRASH_AT` (its `SHIPLOCK_CRASH_NTH`th occurrence);
 * called once by the composition root with the environment it read. An unknown name refuses to
 * start, so a typo in a test cannot silently test nothing.
 */
export function configureCrashPoints(
  env: Readonly<Record<string, string | undefined>>,
  kill: () => void = () => process.kill(process.pid, 'SIGKILL'),
): void {
  const name = env.SHIPLOCK_CRASH_AT;
  if (name === undefined || name === '') {
    armed = null;
    return;
  }
  if (!(CRASH_POINTS as readonly string[]).includes(name)) {
    throw new Error(`shiplock_crash_point_unknown: SHIPLOCK_CRASH_AT=${name} names no kill point`);
  }
  const nth = Number(env.SHIPLOCK_CRASH_NTH ?? '1');
  armed = { name, remaining: Number.isInteger(nth) && nth >= 1 ? nth : 1, kill };
}

/** Kills the process here if this is the armed point's chosen occurrence; otherwise nothing. */
export function crashPoint(name: CrashPointName): void {
  if (armed === null || armed.name !== name) return;
  armed.remaining -= 1;
  if (armed.remaining === 0) armed.kill();
}

/** The kill points around each command kind's port call (commands without a port call have none). */
const COMMAND_POINTS: Partial<Record<Command['type'], string>> = {
  RunGate: 'exec.run_gate',
  JudgeCanary: 'exec.judge_canary',
  RunPreflight: 'exec.run_preflight',
  RunVerification: 'exec.run_verification',
  ReportToGitHub: 'exec.report_to_github',
  PublishCard: 'exec.publish_card',
  PostThread: 'exec.post_thread',
  ReplyEphemeral: 'exec.reply_ephemeral',
};

/**
 * The kill point right before a command's port call, or right after it returned (before its result
 * is recorded); a deploy's are `deploy.<stage>.before_script` and `.after_script`.
 */
export function crashAroundCommand(command: Command, when: 'before' | 'after'): void {
  if (armed === null) return;
  if (command.type === 'StartDeploy') return crashPoint(`deploy.${command.stage}.${when}_script`);
  const base = COMMAND_POINTS[command.type];
  if (base !== undefined) crashPoint(`${base}.${when}` as CrashPointName);
}
