import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartDeploy } from '../../../src/core/types.ts';

/** A production StartDeploy as the orchestrator emits it. */
export const START: StartDeploy = {
  type: 'StartDeploy',
  rolloutId: 'r-42',
  repo: 'acme/web',
  pr: 17,
  sha: 'a'.repeat(40),
  stage: 'production',
  epoch: 3,
  idempotencyKey: 'r-42:production:3',
};

/** Writes an executable shell script into `dir` and returns its path. */
export function writeScript(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
