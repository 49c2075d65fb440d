import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A random id like Slack's: `randomId('V', 10)` → `"V8K2QW9X1ZA"`; `upper: false` mixes case,
 * as in Slack's generated `block_id`s (`"j1Bvn"`).
 */
export function randomId(prefix: string, length: number, upper = true): string {
  const alphabet = upper ? ALPHABET.slice(0, 36) : ALPHABET;
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}
