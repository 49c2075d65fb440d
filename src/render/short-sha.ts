import { safeMrkdwn } from './mrkdwn.ts';

/**
 * The first 7 hex digits of a SHA as inline code, for mrkdwn. A SHA that is not hex (it came
 * through a webhook) is escaped as text instead, so it can neither break out of the code span nor
 * form a token.
 */
export function shortSha(sha: string): string {
  return /^[0-9a-f]{7,64}$/.test(sha) ? `\`${sha.slice(0, 7)}\`` : safeMrkdwn(sha, 12);
}

/** An id of ours (rollout, gate) as inline code when it is plain, escaped text otherwise. */
export function codeId(id: string): string {
  return /^[A-Za-z0-9_:-]{1,128}$/.test(id) ? `\`${id}\`` : safeMrkdwn(id, 64);
}
