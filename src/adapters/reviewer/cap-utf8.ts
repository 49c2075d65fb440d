/** Text cut to a byte budget, and whether anything was cut. */
export interface CappedText {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Cuts `text` to at most `maxBytes` of UTF-8 on a character boundary, at the last line break when
 * one falls in the second half (a diff cut mid-line reads worse than one cut between lines).
 */
export function capUtf8(text: string, maxBytes: number): CappedText {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let end = Math.max(0, maxBytes);
  // Step back over continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  let cut = bytes.subarray(0, end).toString('utf8');
  const newline = cut.lastIndexOf('\n');
  if (newline > cut.length / 2) cut = cut.slice(0, newline + 1);
  return { text: cut, truncated: true };
}
