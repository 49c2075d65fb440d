import { readFileSync } from 'node:fs';

/** Reads a recorded Slack sample from `./fixtures` (provenance in fixtures/SOURCES.md). */
export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Reads and parses a JSON sample from `./fixtures`. */
export function readJsonFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFixture(name)) as T;
}
