import { redactSecrets } from '../../config/redact-secrets.ts';
import { capUtf8 } from './cap-utf8.ts';
import { neutralizeUntrusted } from './fence-untrusted.ts';

/** Untrusted text ready for a prompt: secrets redacted, invisibles made visible, within budget. */
export interface PreparedText {
  readonly text: string;
  readonly truncated: boolean;
  /** The original's size in UTF-8 bytes. */
  readonly bytes: number;
}

/**
 * Redacts secrets (a model endpoint is a third party), neutralizes fence characters and invisibles,
 * then caps to `maxBytes`. Redaction runs before the cut so a secret is never half-sent; the text
 * is first trimmed to `maxBytes` code units plus a margin, since a code unit is at least one byte
 * and a 100 MB diff should cost no more than a small one.
 */
export function prepareUntrusted(text: string, maxBytes: number): PreparedText {
  const margin = 4096;
  const head = text.length > maxBytes + margin ? text.slice(0, maxBytes + margin) : text;
  const capped = capUtf8(neutralizeUntrusted(redactSecrets(head)), maxBytes);
  return {
    text: capped.text,
    truncated: capped.truncated || head !== text,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}
