import { randomBytes } from 'node:crypto';
import type { Clock } from './types.ts';

/** `response_url`: up to 5 uses within 30 minutes (https://docs.slack.dev/interactivity/handling-user-interaction). */
export const RESPONSE_URL_MAX_USES = 5;
/** How long a `response_url` stays usable. */
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

/** What a `response_url` answers for: the message clicked (if any), who clicked, where. */
export interface ResponseTarget {
  readonly kind: 'actions' | 'commands';
  readonly channel: string;
  readonly user: string;
  /** The clicked message (block_actions on a message). */
  readonly messageTs?: string;
  /** Whether the clicked message was ephemeral. */
  readonly ephemeral?: boolean;
}

/** The outcome of using a `response_url`. */
export type ResponseUrlUse =
  | { readonly ok: true; readonly target: ResponseTarget }
  | { readonly ok: false; readonly error: 'no_such_url' | 'used_url' | 'expired_url' };

/** Issues `response_url`s pointing back at the stand-in and counts their uses. */
export interface ResponseUrls {
  /** A fresh URL under `baseUrl`, shaped like `https://hooks.slack.com/actions/T…/…/…`. */
  issue(baseUrl: string, teamId: string, target: ResponseTarget): string;
  /** Spends one use of the URL at `path` (the URL's pathname). */
  use(path: string): ResponseUrlUse;
}

/** Creates the `response_url` registry. */
export function createResponseUrls(clock: Clock): ResponseUrls {
  const issued = new Map<string, { target: ResponseTarget; at: number; uses: number }>();
  let counter = 0;
  return {
    issue(baseUrl, teamId, target) {
      counter += 1;
      const path = `/${target.kind}/${teamId}/${counter}/${randomBytes(12).toString('base64url')}`;
      issued.set(path, { target, at: clock(), uses: 0 });
      return `${baseUrl}${path}`;
    },
    use(path) {
      const entry = issued.get(path);
      if (entry === undefined) return { ok: false, error: 'no_such_url' };
      if (clock() - entry.at > RESPONSE_URL_TTL_MS) return { ok: false, error: 'expired_url' };
      if (entry.uses >= RESPONSE_URL_MAX_USES) return { ok: false, error: 'used_url' };
      entry.uses += 1;
      return { ok: true, target: entry.target };
    },
  };
}
