import { randomBytes } from 'node:crypto';

/** A short rollout id people can type into `/shiplock status` (`r-` and 10 hex digits). */
export function newRolloutId(): string {
  return `r-${randomBytes(5).toString('hex')}`;
}
