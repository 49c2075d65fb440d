/**
 * A parser for the small part of PromQL the canary metrics use
 * (https://prometheus.io/docs/prometheus/latest/querying/basics/): vector selectors with label
 * matchers and an optional range, `rate`, `increase`, `sum` (with `by`), `histogram_quantile`,
 * number literals, `*`, `/` and `or`. Anything else is a parse error, never a guess.
 */

/** A label matcher: `=`, `!=`, `=~`, `!~`. */
export interface Matcher {
  readonly name: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** The parsed expression. */
export type PromQlExpr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'selector'; readonly matchers: readonly Matcher[]; readonly rangeMs: number | null }
  | {
      readonly kind: 'call';
      readonly fn: 'rate' | 'increase' | 'histogram_quantile';
      readonly args: readonly PromQlExpr[];
    }
  | { readonly kind: 'sum'; readonly by: readonly string[] | null; readonly arg: PromQlExpr }
  | { readonly kind: 'binary'; readonly op: '*' | '/' | 'or'; readonly left: PromQlExpr; readonly right: PromQlExpr };

const TOKEN =
  /\s*(?:([0-9]+(?:\.[0-9]+)?(?:ms|[smhd])?)|([A-Za-z_:][A-Za-z0-9_:]*)|("(?:[^"\\]|\\.)*")|(=~|!~|!=|[=(){}[\],*/]))/y;
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) {
      if (text.slice(start).trim() === '') break;
      throw new Error(`unsupported PromQL at ${start}: ${text.slice(start, start + 20)}`);
    }
    tokens.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  }
  return tokens;
}

/** Parses `text`; throws with what it could not read. */
export function parsePromQl(text: string): PromQlExpr {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const token = tokens[i++];
    if (token === undefined) throw new Error('unexpected end of the query');
    return token;
  };
  /** Consumes `token` when it comes next. */
  const skip = (token: string) => {
    if (peek() !== token) return false;
    i += 1;
    return true;
  };
  const expect = (token: string) => {
    if (next() !== token) throw new Error(`expected "${token}" at token ${i}`);
  };
  const labels = (): string[] => {
    expect('(');
    const names: string[] = [];
    while (peek() !== ')') {
      names.push(next());
      if (peek() === ',') next();
    }
    expect(')');
    return names;
  };
  const selector = (name: string | null): PromQlExpr => {
    const matchers: Matcher[] = name === null ? [] : [{ name: '__name__', op: '=', value: name }];
    if (peek() === '{') {
      next();
      while (peek() !== '}') {
        const label = next();
        const op = next() as Matcher['op'];
        if (!['=', '!=', '=~', '!~'].includes(op)) throw new Error(`bad matcher operator ${op}`);
        matchers.push({ name: label, op, value: JSON.parse(next()) as string });
        if (peek() === ',') next();
      }
      expect('}');
    }
    let rangeMs: number | null = null;
    if (peek() === '[') {
      next();
      const d = /^([0-9.]+)(ms|[smhd])$/.exec(next());
      if (d === null) throw new Error('bad range duration');
      rangeMs = Number(d[1]) * (UNITS[d[2] as string] as number);
      expect(']');
    }
    return { kind: 'selector', matchers, rangeMs };
  };
  const primary = (): PromQlExpr => {
    const token = next();
    if (token === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (/^[0-9]/.test(token)) return { kind: 'number', value: Number(token) };
    if (token === '{') {
      i -= 1;
      return selector(null);
    }
    if (token === 'sum') {
      let by = skip('by') ? labels() : null;
      expect('(');
      const arg = or();
      expect(')');
      if (skip('by')) by = labels();
      return { kind: 'sum', by, arg };
    }
    if ((token === 'rate' || token === 'increase' || token === 'histogram_quantile') && peek() === '(') {
      next();
      const args = [or()];
      while (skip(',')) args.push(or());
      expect(')');
      return { kind: 'call', fn: token, args };
    }
    return selector(token);
  };
  const product = (): PromQlExpr => {
    let left = primary();
    while (peek() === '*' || peek() === '/') left = { kind: 'binary', op: next() as '*' | '/', left, right: primary() };
    return left;
  };
  const or = (): PromQlExpr => {
    let left = product();
    while (skip('or')) left = { kind: 'binary', op: 'or', left, right: product() };
    return left;
  };
  const expr = or();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" at token ${i}`);
  return expr;
}
