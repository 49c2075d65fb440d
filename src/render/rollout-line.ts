import type { Rollout } from '../core/types.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { codeId, shortSha } from './short-sha.ts';

/**
 * `*acme/api#7* Make it faster · \`abcdef0\``: one rollout named in one line of mrkdwn. The repo
 * came from a webhook and the title was typed by the PR author: both are escaped and the title cut
 * to `titleMax` characters (0 leaves it out).
 */
export function rolloutLine(rollout: Rollout, titleMax: number): string {
  const pr = `*${safeMrkdwn(`${rollout.pr.repo}#${rollout.pr.number}`, 120)}*`;
  const title = titleMax > 0 ? ` ${safeMrkdwn(rollout.pr.title, titleMax)}` : '';
  return `${pr}${title} · ${shortSha(rollout.pr.sha)} · rollout ${codeId(rollout.id)}`;
}
