import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_CANARY, DEMO_TRAFFIC } from './demo-traffic.ts';
import type { SampleFleet } from './start-sample-fleet.ts';

/** Applies what the deploy scripts installed to the sample service's tracks. */
export interface ReleaseApplier {
  /** Reads the scripts' ledger; returns a line for each change of what a track serves. */
  poll(): string[];
  /** Every ledger line so far: `<stage> <sha> <rollout> <key> epoch=<n>`. */
  runs(): readonly string[];
}

/**
 * The sample service stands for the operator's fleet: the demo's deploy script records each run
 * in `deploys.log`, and this turns the record into the service's behaviour. The canary track
 * serves nothing until the canary is deployed, then the release (misbehaving with `bad`); a
 * rollback of a release production never ran takes the canary out of service again.
 */
export function createReleaseApplier(stateDir: string, service: SampleFleet, bad: boolean): ReleaseApplier {
  const ledger = join(stateDir, 'deploys.log');
  let seen = 0;
  let lines: string[] = [];
  let production = '';
  return {
    poll() {
      if (!existsSync(ledger)) return [];
      lines = readFileSync(ledger, 'utf8')
        .split('\n')
        .filter((l) => l !== '');
      const said: string[] = [];
      for (const line of lines.slice(seen)) {
        const [stage = '', sha = ''] = line.split(' ');
        if (stage === 'canary') {
          service.setKnobs('canary', { ...DEMO_TRAFFIC, noData: false, ...(bad ? BAD_CANARY : {}) });
          const how = bad ? ': told to MISBEHAVE (5× errors, +150 ms)' : ', behaving like the baseline';
          said.push(`sample service: the canary track now serves ${sha.slice(0, 7)}${how}`);
        } else if (stage === 'production') {
          production = sha;
          said.push(`sample service: production now serves ${sha.slice(0, 7)}`);
        } else if (stage === 'rollback' && sha !== production) {
          service.setKnobs('canary', { noData: true });
          said.push('sample service: the canary track is out of service again');
        }
      }
      seen = lines.length;
      return said;
    },
    runs: () => lines,
  };
}
