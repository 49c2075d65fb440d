import { createHash } from 'node:crypto';

/** A text's SHA-256 as 64 lowercase hex digits (UTF-8 bytes). */
export type HashFn = (text: string) => string;

/** The hash of the event chain and of policies. */
export const sha256Hex: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
