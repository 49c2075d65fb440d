import type { Labels } from './evaluate-promql.ts';

/** One sample of a scrape. */
export interface ScrapedSample {
  readonly labels: Labels;
  readonly value: number;
}

const LINE = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Reads Prometheus's text exposition format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): comments and
 * blank lines skipped, label values unescaped, `+Inf`/`-Inf`/`NaN` understood, timestamps ignored.
 */
export function parseExposition(text: string): ScrapedSample[] {
  const samples: ScrapedSample[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (line.startsWith('#') || m === null) continue;
    const labels: Record<string, string> = { __name__: m[1] as string };
    for (const l of (m[2] ?? '').matchAll(LABEL)) {
      labels[l[1] as string] = (l[2] as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const raw = m[3] as string;
    const value = raw === '+Inf' ? Number.POSITIVE_INFINITY : raw === '-Inf' ? Number.NEGATIVE_INFINITY : Number(raw);
    samples.push({ labels, value });
  }
  return samples;
}
