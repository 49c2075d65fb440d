import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every `bench/*.ts` except this file, one after another, each in its own
 * process (so one benchmark's heap and open handles cannot skew the next). Helpers live in `bench/lib/`.
 */
const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== self)
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n# ${script}`);
  const result = spawnSync(process.execPath, [...process.execArgv, join(here, script)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.log(`# ${script} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
