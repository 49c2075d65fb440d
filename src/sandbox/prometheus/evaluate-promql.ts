import type { Matcher, PromQlExpr } from './parse-promql.ts';

/** A label set, `__name__` included for raw series. */
export type Labels = Readonly<Record<string, string>>;

/** One stored series: its labels and its samples, oldest first (epoch ms, value). */
export interface StoredSeries {
  readonly labels: Labels;
  readonly samples: readonly (readonly [number, number])[];
}

/** One element of an instant vector. */
export interface VectorElement {
  readonly labels: Labels;
  readonly value: number;
}

/** Prometheus's default lookback for an instant selector. */
const LOOKBACK_MS = 5 * 60_000;

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
const withoutName = ({ __name__: _, ...rest }: Labels): Labels => rest;

function matches(labels: Labels, m: Matcher): boolean {
  const value = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return new RegExp(`^(?:${m.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${m.value})$`).test(value);
  }
}

/** Rate per second over the samples of a range, counter resets handled (no edge extrapolation). */
function rateOf(samples: readonly (readonly [number, number])[]): number | null {
  if (samples.length < 2) return null;
  let increase = 0;
  for (let i = 1; i < samples.length; i += 1) {
    const [, before] = samples[i - 1] as readonly [number, number];
    const [, now] = samples[i] as readonly [number, number];
    increase += now >= before ? now - before : now;
  }
  const seconds = ((samples.at(-1)?.[0] ?? 0) - (samples[0]?.[0] ?? 0)) / 1000;
  return seconds > 0 ? increase / seconds : null;
}

/** Prometheus's bucket interpolation (`histogram_quantile`) over one group of `le` buckets. */
function quantileOf(q: number, buckets: { le: number; count: number }[]): number {
  buckets.sort((a, b) => a.le - b.le);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0 || buckets.at(-1)?.le !== Number.POSITIVE_INFINITY) return Number.NaN;
  const rank = q * total;
  const i = buckets.findIndex((b) => b.count >= rank);
  const bucket = buckets[i] as { le: number; count: number };
  if (bucket.le === Number.POSITIVE_INFINITY) return buckets[i - 1]?.le ?? Number.NaN;
  const lower = i === 0 ? 0 : (buckets[i - 1]?.le ?? 0);
  const below = i === 0 ? 0 : (buckets[i - 1]?.count ?? 0);
  return lower + (bucket.le - lower) * ((rank - below) / (bucket.count - below || 1));
}

/** Evaluates `expr` at time `at` (epoch ms) over `series`: an instant vector, or a scalar. */
export function evaluatePromQl(
  expr: PromQlExpr,
  at: number,
  series: readonly StoredSeries[],
): VectorElement[] | number {
  const vector = (e: PromQlExpr) => {
    const v = evaluatePromQl(e, at, series);
    if (typeof v === 'number') throw new Error('expected a vector');
    return v;
  };
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'selector': {
      const chosen = series.filter((s) => expr.matchers.every((m) => matches(s.labels, m)));
      if (expr.rangeMs !== null) throw new Error('a range vector needs rate() or increase()');
      return chosen.flatMap((s) => {
        const last = s.samples.findLast(([t]) => t <= at);
        return last !== undefined && at - last[0] <= LOOKBACK_MS ? [{ labels: s.labels, value: last[1] }] : [];
      });
    }
    case 'call':
      return evaluateCall(expr, at, series, vector);
    case 'sum': {
      const groups = new Map<string, VectorElement>();
      for (const e of vector(expr.arg)) {
        const labels: Labels =
          expr.by === null
            ? {}
            : Object.fromEntries(expr.by.flatMap((l) => (e.labels[l] === undefined ? [] : [[l, e.labels[l]]])));
        const key = keyOf(labels);
        groups.set(key, { labels, value: (groups.get(key)?.value ?? 0) + e.value });
      }
      return [...groups.values()];
    }
    case 'binary':
      return evaluateBinary(expr.op, evaluatePromQl(expr.left, at, series), evaluatePromQl(expr.right, at, series));
  }
}

function evaluateCall(
  expr: Extract<PromQlExpr, { kind: 'call' }>,
  at: number,
  series: readonly StoredSeries[],
  vector: (e: PromQlExpr) => VectorElement[],
): VectorElement[] {
  const [first, second] = expr.args;
  if (expr.fn === 'histogram_quantile') {
    if (first?.kind !== 'number' || second === undefined) throw new Error('histogram_quantile(φ, vector)');
    const groups = new Map<string, { labels: Labels; buckets: { le: number; count: number }[] }>();
    for (const e of vector(second)) {
      const { le = '', ...rest } = withoutName(e.labels);
      const key = keyOf(rest);
      const group = groups.get(key) ?? { labels: rest, buckets: [] };
      group.buckets.push({ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count: e.value });
      groups.set(key, group);
    }
    return [...groups.values()].map((g) => ({ labels: g.labels, value: quantileOf(first.value, g.buckets) }));
  }
  if (first?.kind !== 'selector' || first.rangeMs === null) throw new Error(`${expr.fn}() takes a range vector`);
  const rangeMs = first.rangeMs;
  return series
    .filter((s) => first.matchers.every((m) => matches(s.labels, m)))
    .flatMap((s) => {
      const rate = rateOf(s.samples.filter(([t]) => t > at - rangeMs && t <= at));
      if (rate === null) return [];
      return [{ labels: withoutName(s.labels), value: expr.fn === 'rate' ? rate : (rate * rangeMs) / 1000 }];
    });
}

function evaluateBinary(op: '*' | '/' | 'or', left: VectorElement[] | number, right: VectorElement[] | number) {
  const apply = (a: number, b: number) => (op === '*' ? a * b : a / b);
  if (typeof left === 'number' && typeof right === 'number') return apply(left, right);
  if (op === 'or') {
    if (typeof left === 'number' || typeof right === 'number') throw new Error('or takes two vectors');
    const seen = new Set(left.map((e) => keyOf(e.labels)));
    return [...left, ...right.filter((e) => !seen.has(keyOf(e.labels)))];
  }
  if (typeof left === 'number')
    return (right as VectorElement[]).map((e) => ({ labels: withoutName(e.labels), value: apply(left, e.value) }));
  if (typeof right === 'number')
    return left.map((e) => ({ labels: withoutName(e.labels), value: apply(e.value, right) }));
  const byKey = new Map(right.map((e) => [keyOf(withoutName(e.labels)), e.value]));
  return left.flatMap((e) => {
    const labels = withoutName(e.labels);
    const other = byKey.get(keyOf(labels));
    return other === undefined ? [] : [{ labels, value: apply(e.value, other) }];
  });
}
