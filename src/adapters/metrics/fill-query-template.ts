/** What a query template may contain: `{{track}}` (`canary` or `baseline`) and `{{service}}`. */
export interface TemplateValues {
  readonly track: string;
  readonly service: string;
}

/** A filled query, or why the template cannot be filled safely. */
export type FilledQuery =
  | { readonly ok: true; readonly query: string }
  | { readonly ok: false; readonly detail: string };

const PLACEHOLDER = /^\{\{\s*([a-z_]+)\s*\}\}/;

/**
 * Fills a PromQL template. A placeholder may appear only inside a double-quoted string — a label
 * value such as `track="{{track}}"` — and its value is escaped for that string (backslash, quote,
 * line breaks; https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals), so a
 * service named `a"} or vector(1) #` stays one label value. Inside a regex matcher (`=~`, `!~`) the
 * value is also regex-escaped, so it matches itself only. A placeholder elsewhere, or an unknown
 * one, is an error: the template is refused, never sent half-filled.
 */
export function fillQueryTemplate(template: string, values: TemplateValues): FilledQuery {
  let out = '';
  let quote: string | null = null;
  let regex = false;
  let i = 0;
  while (i < template.length) {
    const c = template[i] as string;
    const placeholder = c === '{' ? PLACEHOLDER.exec(template.slice(i)) : null;
    if (placeholder !== null) {
      const name = placeholder[1] as string;
      if (name !== 'track' && name !== 'service') return { ok: false, detail: `unknown placeholder {{${name}}}` };
      if (quote !== '"') return { ok: false, detail: `{{${name}}} must be inside a double-quoted label value` };
      const value = regex ? escapeRegex(values[name]) : values[name];
      out += escapePromQlString(value);
      i += placeholder[0].length;
      continue;
    }
    out += c;
    if (quote !== null) {
      if (c === '\\' && quote !== '`') {
        out += template[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      regex = /[=!]~\s*$/.test(template.slice(0, i));
    }
    i += 1;
  }
  if (quote !== null) return { ok: false, detail: 'unterminated string in the query template' };
  return { ok: true, query: out };
}

/** Escapes text for the inside of a double-quoted PromQL string. */
export function escapePromQlString(value: string): string {
  return value.replace(/[\\"\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
}

/** Escapes RE2 metacharacters, so a label regex matches the literal value only. */
function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
