import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A recorded Prometheus 2.42 answer (see fixtures/SOURCES.md): its HTTP status and body. */
export function loadFixture(name: string): { status: number; body: string } {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  if (name.endsWith('.json')) return { status: 200, body: text };
  // `.txt` captures hold the body, then a line `HTTP <status>`.
  const status = /^HTTP (\d{3})\s*$/m.exec(text);
  if (status === null) throw new Error(`fixture ${name} has no HTTP status line`);
  return { status: Number(status[1]), body: text.slice(0, status.index).trim() };
}
