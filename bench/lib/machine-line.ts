import { cpus, freemem, loadavg, totalmem } from 'node:os';

/**
 * One line saying what the numbers were measured on: the machine is shared, so every result is
 * printed with the load average at that moment (issue 8: record the machine with the results).
 */
export function machineLine(when = 'now'): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  return `machine (${when}): ${cpus().length} cpus, ${gib(totalmem())} GiB RAM (${gib(freemem())} free), node ${process.version}, load average ${load} (1 / 5 / 15 min)`;
}
