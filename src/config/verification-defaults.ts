/** Default time production is watched after its deploy when only a health command checks it. */
export const DEFAULT_VERIFICATION_MS = 5 * 60_000;

/**
 * The shortest window the metrics check can judge. It compares production after the deploy with
 * the same length of production before it, at the canary judge's one-minute steps, and skips the
 * first minute after the deploy (a `rate(...[1m])` there still reaches back before it). The judge
 * needs 10 samples per track; 1 + 11 minutes leaves one to spare for a missed scrape.
 */
export const MIN_METRICS_VERIFICATION_MS = 12 * 60_000;

/** Default window when the metrics check runs: long enough to judge, with room for a late timer. */
export const DEFAULT_METRICS_VERIFICATION_MS = 15 * 60_000;

/** Default time limit of the health command. */
export const DEFAULT_HEALTH_COMMAND_TIMEOUT_MS = 60_000;
