import { randomInt } from 'node:crypto';

/**
 * The suite's seed: the given one (CRASH_SEED, `--seed`), or a fresh one. A drawn seed must be
 * printed before the run starts, so a failure in CI can be repeated (the hung CI run of 2026-11-24
 * took its seed from the clock and never printed it).
 */
export function drawSeed(given: string | undefined): number {
  if (given === undefined || given.trim() === '') return randomInt(1, 1_000_000);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`crash suite: the seed must be an integer, got ${given}`);
  return seed;
}
