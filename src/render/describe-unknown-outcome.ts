import type { DeployState } from '../core/types.ts';
import { mentionUser } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { codeId, shortSha } from './short-sha.ts';
import { slackDate } from './slack-date.ts';
import type { CardUnknownOutcome } from './unknown-outcome-view.ts';

/** Who the card names for a change: its repository (escaped, cut), commit and rollout. */
export interface UnknownOutcomeSubject {
  readonly repo: string;
  readonly sha: string;
  readonly rolloutId: string;
}

/**
 * What the card says about a deploy that started and never reported (issue #6), as mrkdwn. For
 * production: that it may or may not run the change, what to check, and the two answers — or, once
 * a human answered, who did, when and how. For staging and canary: production was not touched,
 * what to check, how to start again. `repoCap` cuts the (untrusted) repository name.
 */
export function describeUnknownOutcome(
  view: CardUnknownOutcome,
  subject: UnknownOutcomeSubject,
  repoCap: number,
): string {
  const sha = shortSha(subject.sha);
  const repo = safeMrkdwn(subject.repo, repoCap);
  const logs = `\`shiplock logs\` ${codeId(subject.rolloutId)}`;
  const started = `started ${slackDate(view.startedAt)} and never reported (shiplock stopped while it ran); shiplock never runs it again by itself.`;
  if (view.stage !== 'production') {
    return [
      `:warning: *The ${view.stage} deploy of ${sha} ${started}* Production was not touched.`,
      `*Check the ${view.stage} environment:* if it runs ${sha}, put it back by hand with your runbook (${logs} shows the script's output). Push a new commit, or close and reopen the pull request, to start a new rollout.`,
    ].join('\n');
  }
  const answer = view.resolution;
  if (answer === null) {
    return [
      `:warning: *Production may or may not have been deployed.* The production deploy of ${sha} ${started}`,
      `*Check production now:* does it run ${sha}? Read the deploy script's output (${logs}), your dashboards and alerts.`,
      `*Then answer here* — named approvers and the author; the first answer counts: *Roll back* runs the rollback script now and freezes production deploys of ${repo}; *Production is fine* records that you checked it, and deploys nothing.`,
    ].join('\n');
  }
  const who = mentionUser(answer.by) ?? 'an unknown user';
  if (answer.kind === 'confirmed') {
    return `:white_check_mark: *Production checked by hand:* ${who} confirmed ${slackDate(answer.at)} that production is fine after the production deploy of ${sha} never reported. Nothing was deployed or rolled back.`;
  }
  return `:rewind: *Roll back chosen* by ${who} ${slackDate(answer.at)} after the production deploy of ${sha} never reported: the rollback script ${rollbackWords(answer.rollback)}.`;
}

function rollbackWords(status: DeployState['status'] | null): string {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed — production may be broken';
    case 'unknown':
      return 'never reported — production may be broken';
    case 'running':
      return 'is running';
    default:
      return 'is about to run';
  }
}
