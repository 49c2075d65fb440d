const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};
const DURATION = '(?:\\d+(?:ms|[smhdwy]))+';
/** A range vector or a subquery: `[5m]`, `[1h30m]`, `[30m:1m]`, `[5m:]`. */
const RANGE = new RegExp(`\\[\\s*(${DURATION})\\s*(?::\\s*(?:${DURATION})?\\s*)?\\]`, 'g');
/** An `offset` modifier; a negative one looks ahead and adds nothing. */
const OFFSET = new RegExp(`\\boffset\\s+(-?)(${DURATION})`, 'gi');
const PART = /(\d+)(ms|[smhdwy])/g;

/**
 * How far back the queries reach before each evaluation time, in seconds: the longest range vector
 * or subquery range plus the longest offset among all of them (an upper bound; 0 when they have
 * none). The canary judge starts its window this long after the canary started, so that no point
 * mixes in what was measured before the canary existed (https://prometheus.io/docs/prometheus/latest/querying/basics/#time-durations).
 * A recording rule hides its range: its reach is not visible here.
 */
export function longestRangeSeconds(queries: readonly string[]): number {
  let range = 0;
  let offset = 0;
  for (const query of queries) {
    for (const match of query.matchAll(RANGE)) range = Math.max(range, toSeconds(match[1] as string));
    for (const match of query.matchAll(OFFSET)) {
      if (match[1] !== '-') offset = Math.max(offset, toSeconds(match[2] as string));
    }
  }
  return Math.ceil(range + offset);
}

function toSeconds(duration: string): number {
  let seconds = 0;
  for (const [, amount, unit] of duration.matchAll(PART)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0);
  }
  return seconds;
}
