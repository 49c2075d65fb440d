import { describe, expect, it } from 'vitest';
import { ANY_CHECK, parseWebhookIntent } from '../../../../src/adapters/github/webhook/parse-webhook-intent.ts';
import {
  draftOpened,
  EXAMPLE_REPO,
  EXAMPLE_SHA,
  example,
} from '../../../integration/github-intake/support/webhook-examples.ts';

/** The mapping rules, read off GitHub's recorded payloads. */
const body = (payload: unknown): string => JSON.stringify(payload);
const pr = (p: Record<string, unknown>) => p.pull_request as Record<string, unknown>;
/** A recorded payload with top-level fields and `pull_request` fields replaced (`undefined` drops one). */
const patched = (event: string, action: string, top: object, fields: object = {}): string => {
  const { payload } = example(event, action);
  const next: Record<string, unknown> = { ...payload, ...top };
  if (payload.pull_request !== undefined) next.pull_request = { ...pr(payload), ...fields };
  return body(next);
};

describe('parseWebhookIntent', () => {
  it.each([
    ['opened', 'PullRequestOpened'],
    ['reopened', 'PullRequestOpened'],
    ['ready_for_review', 'PullRequestOpened'],
    ['synchronize', 'PullRequestPushed'],
  ])('pull_request %s is a head: %s', (action, type) => {
    expect(parseWebhookIntent('pull_request', body(example('pull_request', action).payload))).toEqual({
      kind: 'head',
      type,
      pr: {
        repo: EXAMPLE_REPO,
        number: 2,
        sha: EXAMPLE_SHA,
        title: 'Update the README with new information.',
        author: 'Codertocat',
        url: 'https://github.com/Codertocat/Hello-World/pull/2',
      },
    });
  });

  it('a draft waits: opened, reopened and synchronize on a draft are ignored', () => {
    expect(parseWebhookIntent('pull_request', body(draftOpened().payload)).kind).toBe('ignore');
    for (const action of ['reopened', 'synchronize']) {
      const text = patched('pull_request', action, {}, { draft: true });
      expect(parseWebhookIntent('pull_request', text)).toEqual({
        kind: 'ignore',
        reason: `pull_request ${action} on a draft`,
      });
    }
  });

  it('closed (merged or not) is closed, draft or not', () => {
    const merged = patched('pull_request', 'closed', {}, { merged: true });
    expect(parseWebhookIntent('pull_request', merged)).toEqual({ kind: 'closed', repo: EXAMPLE_REPO, number: 2 });
  });

  it('edited and the other pull_request actions are ignored', () => {
    const edited = patched('pull_request', 'opened', { action: 'edited' });
    expect(parseWebhookIntent('pull_request', edited)).toEqual({
      kind: 'ignore',
      reason: 'pull_request edited is not used',
    });
  });

  it('check_run completed names the run; check_suite completed names every check', () => {
    expect(parseWebhookIntent('check_run', body(example('check_run', 'completed').payload))).toEqual({
      kind: 'check_completed',
      repo: EXAMPLE_REPO,
      sha: EXAMPLE_SHA,
      checkName: 'Octocoders-linter',
    });
    expect(parseWebhookIntent('check_suite', body(example('check_suite', 'completed').payload))).toMatchObject({
      kind: 'check_completed',
      checkName: ANY_CHECK,
    });
    expect(parseWebhookIntent('check_suite', body(example('check_suite', 'requested').payload)).kind).toBe('ignore');
  });

  it.each([
    ['not JSON', 'pull_request', '{"action":', /^shiplock_github_webhook_malformed_json: /],
    [
      'a short head SHA',
      'pull_request',
      patched('pull_request', 'opened', {}, { head: { sha: 'ec26c3e' } }),
      /pull_request\.head\.sha/,
    ],
    [
      'no draft flag',
      'pull_request',
      patched('pull_request', 'opened', {}, { draft: undefined }),
      /pull_request\.draft/,
    ],
    [
      'a javascript: URL',
      'pull_request',
      patched('pull_request', 'opened', {}, { html_url: 'javascript:alert(1)' }),
      /html_url/,
    ],
    [
      'a repository name with a space',
      'check_run',
      patched('check_run', 'completed', { repository: { full_name: 'a b/c' } }),
      /repository\.full_name/,
    ],
    ['an array', 'check_suite', '[]', /^shiplock_github_webhook_payload: check_suite payload \(root\)/],
  ])('%s is malformed, with the reason', (_name, event, text, reason) => {
    const intent = parseWebhookIntent(event, text);
    expect(intent.kind).toBe('malformed');
    expect(intent.kind === 'malformed' && intent.reason).toMatch(reason);
  });

  it('events shiplock does not use are ignored even when their body is odd', () => {
    expect(parseWebhookIntent('ping', body(example('ping').payload))).toEqual({
      kind: 'ignore',
      reason: 'event ping is not used',
    });
    expect(parseWebhookIntent('workflow_run', '{}').kind).toBe('ignore');
  });
});
