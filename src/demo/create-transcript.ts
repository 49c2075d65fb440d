/** The demo's printed transcript: one line per step, stamped with the time since the start. */
export interface Transcript {
  /** Prints `text` (each of its lines) stamped `+12.3s`. */
  line(text: string): void;
  /** Milliseconds since the start. */
  elapsedMs(): number;
}

/** A transcript writing to `out`; `now` is the wall clock in epoch ms. */
export function createTranscript(out: (text: string) => void, now: () => number): Transcript {
  const start = now();
  const stamp = () => `+${((now() - start) / 1000).toFixed(1)}s`.padStart(7);
  return {
    line(text) {
      const [first = '', ...rest] = text.split('\n');
      const head = stamp();
      out(`${head}  ${first}\n`);
      for (const more of rest) out(`${' '.repeat(head.length)}  ${more}\n`);
    },
    elapsedMs: () => now() - start,
  };
}
