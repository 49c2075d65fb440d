import { sendPullRequestOpened } from './send-pull-request-opened.ts';
import { DEMO_PEOPLE, DEMO_PR, DEMO_REPO, type DemoWorld } from './start-demo-world.ts';

/** The title of the demo's pull request. */
export const DEMO_PR_TITLE = 'slugify: cut long slugs at a word boundary';

/** The route the bot's reconciler lists open pull requests with at start-up. */
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls';

/**
 * Alice opens the pull request on the GitHub stand-in, which sends the signed `pull_request`
 * webhook. It waits for the reconciler's pass at start-up first, so the rollout is started by the
 * webhook, as it would be in real life, and not by the reconciler catching up. Returns the bot's
 * HTTP status for the delivery.
 */
export async function openDemoPullRequest(world: DemoWorld): Promise<number> {
  for (let waited = 0; world.github.callsTo(LIST_PULLS).length === 0; waited += 25) {
    if (waited > 30_000) throw new Error('demo: the reconciler never listed the open pull requests');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await world.bot.shell.idle();
  world.github.openPullRequest({
    repo: DEMO_REPO,
    number: DEMO_PR,
    author: DEMO_PEOPLE.alice.github,
    title: DEMO_PR_TITLE,
    body: 'Long titles no longer end in half a word.',
    headRef: world.origin.branch,
    commits: [{ sha: world.origin.sha, message: DEMO_PR_TITLE, author: { login: DEMO_PEOPLE.alice.github } }],
    diff: world.origin.diff,
  });
  return sendPullRequestOpened({
    githubUrl: world.github.url,
    githubToken: world.github.token,
    repo: DEMO_REPO,
    number: DEMO_PR,
    webhookUrl: `${world.bot.url}/github/webhook`,
    secret: world.webhookSecret,
  });
}
