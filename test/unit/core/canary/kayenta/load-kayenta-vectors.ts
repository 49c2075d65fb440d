import { readFileSync } from 'node:fs';

/** The fixture, parsed; it contains bare `NaN` tokens (Python's json), which become NaN numbers here. */
// biome-ignore lint/suspicious/noExplicitAny: the fixture is heterogeneous JSON, checked by the tests that read it.
export type Vector = any;

export interface KayentaVectors {
  readonly conventions: Record<string, unknown>;
  readonly counts: Record<string, number>;
  readonly vectors: readonly Vector[];
}

export const FIXTURE_URL = new URL('../../../../../../shared/fixtures/kayenta/kayenta_vectors.json', import.meta.url);

export function loadKayentaVectors(): KayentaVectors {
  const text = readFileSync(FIXTURE_URL, 'utf8');
  // Quote bare NaN tokens outside strings, then revive every "NaN" string as the number.
  const json = text.replace(/"(?:[^"\\]|\\.)*"|\bNaN\b/g, (m) => (m === 'NaN' ? '"NaN"' : m));
  return JSON.parse(json, (_key, value) => (value === 'NaN' ? Number.NaN : value)) as KayentaVectors;
}
