import cron from 'node-cron';
import type { Shell } from './create-shell.ts';

/**
 * Ticks the timer scan once a second. node-cron is not a durable queue (its docs) and has had
 * daylight-saving bugs (node-cron #492, #509): deadlines live as absolute UTC rows in SQLite and
 * cron only triggers the scan, so a missed tick delays a timer by at most a second.
 */
export function startScheduler(shell: Shell): { stop(): void } {
  const task = cron.schedule('* * * * * *', () => shell.tick(), { noOverlap: true });
  return {
    stop() {
      void task.stop();
    },
  };
}
