import { createHash } from 'node:crypto';

/** A deterministic 40-hex commit SHA for seeded commits that name none. */
export function fakeSha(...parts: readonly (string | number)[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex');
}
