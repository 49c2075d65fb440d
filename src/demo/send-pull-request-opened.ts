import { randomUUID } from 'node:crypto';
import { sign } from '@octokit/webhooks-methods';

/** Where the PR is and where its webhook goes. */
export interface PullRequestDelivery {
  readonly githubUrl: string;
  readonly githubToken: string;
  readonly repo: string;
  readonly number: number;
  /** The bot's `/github/webhook`. */
  readonly webhookUrl: string;
  readonly secret: string;
}

/**
 * Sends the `pull_request` `opened` delivery GitHub would send for a PR of the stand-in: the
 * pull request as the REST API returns it (the webhook's `pull_request` object is the same
 * resource), signed with `X-Hub-Signature-256` over the exact body by `sign` from the library the
 * bot verifies with (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries).
 * Returns the bot's HTTP status.
 */
export async function sendPullRequestOpened(delivery: PullRequestDelivery): Promise<number> {
  const read = await fetch(`${delivery.githubUrl}/repos/${delivery.repo}/pulls/${delivery.number}`, {
    headers: { authorization: `token ${delivery.githubToken}`, accept: 'application/vnd.github+json' },
  });
  if (!read.ok) throw new Error(`demo: cannot read PR #${delivery.number} from the GitHub stand-in (${read.status})`);
  const pull = (await read.json()) as { readonly base: { readonly repo: unknown }; readonly user: unknown };
  const body = JSON.stringify({
    action: 'opened',
    number: delivery.number,
    pull_request: pull,
    repository: pull.base.repo,
    sender: pull.user,
  });
  const answer = await fetch(delivery.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': await sign(delivery.secret, body),
      'user-agent': 'GitHub-Hookshot/shiplock-demo',
    },
    body,
  });
  await answer.arrayBuffer();
  return answer.status;
}
