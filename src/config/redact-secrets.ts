import { SECRET_PATTERNS } from './secret-patterns.ts';

/** Replaces every credential-shaped substring with `<redacted>`, so no message ever echoes one. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { pattern } of SECRET_PATTERNS) {
    out = out.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), '<redacted>');
  }
  return out;
}
