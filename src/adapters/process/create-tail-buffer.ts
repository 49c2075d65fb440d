/** Keeps the last `maxBytes` bytes written to it and counts the bytes it let go. */
export interface TailBuffer {
  push(chunk: Buffer): void;
  /** The kept bytes as UTF-8; a character cut at the front is dropped rather than garbled. */
  text(): string;
  /** Bytes written but not kept. */
  dropped(): number;
}

/** A tail buffer holding at most `maxBytes` bytes in memory, whatever a command prints. */
export function createTailBuffer(maxBytes: number): TailBuffer {
  const limit = Math.max(0, Math.floor(maxBytes));
  let chunks: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  const trim = (): void => {
    while (kept > limit) {
      const first = chunks[0];
      if (first === undefined) return;
      const excess = kept - limit;
      if (first.length <= excess) {
        chunks.shift();
        kept -= first.length;
        dropped += first.length;
      } else {
        chunks[0] = first.subarray(excess);
        kept -= excess;
        dropped += excess;
      }
    }
  };
  return {
    push: (chunk) => {
      chunks.push(chunk);
      kept += chunk.length;
      trim();
      // Joining now and then keeps the array short when a command prints many small chunks.
      if (chunks.length > 256) chunks = [Buffer.concat(chunks)];
    },
    text: () => {
      const bytes = Buffer.concat(chunks);
      let start = 0;
      // Skip UTF-8 continuation bytes (10xxxxxx) left by the cut at the front.
      while (dropped > 0 && start < bytes.length && start < 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start += 1;
      return bytes.subarray(start).toString('utf8');
    },
    dropped: () => dropped,
  };
}
