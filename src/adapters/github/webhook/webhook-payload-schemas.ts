import * as z from 'zod';

/**
 * The few fields shiplock reads from GitHub's webhook payloads, checked as hostile input. Unknown
 * fields are dropped; a missing or odd field makes the whole delivery malformed (fail closed).
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads
 */

/** `owner/name`, as GitHub allows them. */
const repository = z.object({ full_name: z.string().regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/) });
const sha = z.string().regex(/^[0-9a-f]{40}$/);

/** `pull_request` events. */
export const pullRequestPayload = z.object({
  action: z.string().max(64),
  repository,
  pull_request: z.object({
    number: z.number().int().positive(),
    draft: z.boolean(),
    title: z.string().max(4096),
    html_url: z.url({ protocol: /^https?$/ }),
    user: z.object({ login: z.string().min(1).max(100) }),
    head: z.object({ sha }),
  }),
});

/** `check_run` events. */
export const checkRunPayload = z.object({
  action: z.string().max(64),
  repository,
  check_run: z.object({ name: z.string().min(1).max(256), head_sha: sha }),
});

/** `check_suite` events. */
export const checkSuitePayload = z.object({
  action: z.string().max(64),
  repository,
  check_suite: z.object({ head_sha: sha }),
});
