import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../../fixtures/gates');

/** The text of a file under test/fixtures/gates. */
export function fixture(path: string): string {
  return readFileSync(join(DIR, path), 'utf8');
}
