import type { Event, Rollout } from '../core/types.ts';
import { formatMetricTable } from './format-metric-table.ts';

/** What turns ids into words for the transcript. */
export interface DescribeContext {
  readonly nameOf: (slackUser: string) => string;
  readonly gateName: (gateId: string) => string;
  readonly gateKind: (gateId: string) => string;
  /** The rollout as it stands after the event. */
  readonly rollout: Rollout | null;
  /** The verdict of the canary look before this one (a table is printed when it changes). */
  readonly previousVerdict: string | null;
  /** Approvals recorded so far, this one included, and how many are required. */
  readonly approvals: { readonly count: number; readonly required: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const short = (sha: string) => sha.slice(0, 7);
const MARK = { passed: '✔', failed: '✘', error: '✘' } as const;

/**
 * One transcript line (or none) for one event of the audit log. Events the reader need not see
 * (timer ticks that another line explains, a look that says what the last one said) give `null`.
 */
export function describeEvent(event: Event, context: DescribeContext): string | null {
  const { nameOf, gateName, rollout } = context;
  switch (event.type) {
    case 'PullRequestOpened':
    case 'PullRequestPushed':
      return `GitHub → shiplock: pull_request ${event.type === 'PullRequestOpened' ? 'opened' : 'pushed'} ${event.pr.repo} #${event.pr.number} by ${event.pr.author} (head ${short(event.pr.sha)}): rollout ${event.rolloutId}`;
    case 'GateStarted':
      if (event.seed === undefined || context.gateKind(event.gateId) !== 'fuzz') return null;
      return `gate ${gateName(event.gateId)} starts with seed ${event.seed} (logged before the run)`;
    case 'GateFinished':
      return `${MARK[event.outcome.status]} gate ${gateName(event.gateId)} ${event.outcome.status} in ${seconds(event.outcome.durationMs)}: ${event.outcome.summary}`;
    case 'AdvisoryReviewFinished':
      return 'advisory LLM review posted to the card (it cannot block or approve)';
    case 'DeployStarted':
      return `deploy ${event.stage}: script started (epoch ${event.epoch})`;
    case 'DeployFinished': {
      const claimed = rollout?.deploys[event.stage]?.claimedAt;
      const took = claimed === undefined ? '' : ` in ${seconds(event.at - claimed)}`;
      return `${event.ok ? '✔' : '✘'} deploy ${event.stage} ${event.ok ? 'succeeded' : 'failed'}${took}: ${event.summary}`;
    }
    case 'CanaryJudged': {
      const head = `canary look ${event.look}: ${event.verdict.toUpperCase()}`;
      if (event.verdict === 'inconclusive') {
        const doubts = (event.metrics ?? []).filter((m) => m.verdict !== 'healthy');
        const tooFew = doubts.length > 0 && doubts.every((m) => m.rule === 'too_few_samples');
        if (tooFew || doubts.length === 0)
          return `${head} — ${tooFew ? 'too few points yet (needs 10 per track)' : event.summary}`;
        return `${head}\n${doubts.map((m) => `${m.name}: ${m.reason}`).join('\n')}`;
      }
      if (event.verdict === context.previousVerdict || event.metrics === undefined) return `${head} (unchanged)`;
      return `${head} — ${event.summary}\n${formatMetricTable(event.metrics)}`;
    }
    case 'ApproveClicked':
      return `${nameOf(event.user)} approved in Slack (${context.approvals.count} of ${context.approvals.required} named approvers)`;
    case 'RejectSubmitted':
      return `${nameOf(event.user)} rejected: ${event.reason}`;
    case 'CancelRequested':
      return `shiplock recorded ${nameOf(event.user)}'s Cancel`;
    case 'RollbackRequested':
      return `${nameOf(event.user)} asked for a rollback`;
    case 'RetryRequested':
      return `${nameOf(event.user)} retried gate ${gateName(event.gateId)}`;
    case 'TimerFired':
      if (event.kind === 'time_lock') return 'time lock ran out: preflight before production';
      if (event.kind === 'verification') return 'verification window over: checking production';
      return null;
    case 'PreflightCompleted': {
      const f = event.facts;
      const head = f.headSha === rollout?.pr.sha ? 'head unchanged' : `head moved to ${short(f.headSha)}`;
      return `preflight: ${head}, canary ${f.canary}, ${f.freeze === null ? 'no freeze' : 'FROZEN'}, deploy window ${f.windowOpen ? 'open' : 'closed'}`;
    }
    case 'VerificationCompleted':
      return `${event.ok ? '✔' : '✘'} production verification ${event.ok ? 'passed' : 'failed'}: ${event.summary}`;
    case 'DeployOutcomeUnknown':
      return `deploy ${event.stage}: outcome unknown (a human must look)`;
    case 'PullRequestClosed':
      return 'the pull request was closed';
    case 'FreezeChanged':
      return event.freeze === null ? 'freeze lifted' : `repository frozen: ${event.freeze.reason}`;
    case 'CanaryAlertReceived':
      return `canary alert ${event.alert.name} ${event.alert.status}`;
    case 'AlertAcknowledged':
      return `${nameOf(event.user)} acknowledged an alert`;
    case 'ProductionConfirmed':
      return `${nameOf(event.user)} checked production and confirmed it is fine (the unknown outcome is resolved)`;
    default:
      // Events added to the core later still show up, by name.
      return (event as { readonly type: string }).type;
  }
}
