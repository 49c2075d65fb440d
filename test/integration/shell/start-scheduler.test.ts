import { describe, expect, it } from 'vitest';
import type { Shell } from '../../../src/shell/create-shell.ts';
import { startScheduler } from '../../../src/shell/start-scheduler.ts';

/** node-cron only triggers the timer scan: once a second, whatever the shell's own wake-up does. */
describe('startScheduler', () => {
  it('ticks the scan about once a second and stops when told', async () => {
    let ticks = 0;
    const shell = { tick: () => (ticks += 1) } as unknown as Shell;
    const scheduler = startScheduler(shell);
    await new Promise((r) => setTimeout(r, 3_200));
    scheduler.stop();
    const atStop = ticks;
    expect(atStop).toBeGreaterThanOrEqual(2);
    expect(atStop).toBeLessThanOrEqual(4);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(ticks).toBe(atStop);
  });
});
