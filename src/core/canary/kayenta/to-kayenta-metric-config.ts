import type { KayentaMetricConfig } from './kayenta-types.ts';

/** A metric's `analysisConfigurations.canary.*` as written in a Kayenta canary config; every key optional. */
export interface KayentaMetricConfigInput {
  readonly name: string;
  readonly direction?: string;
  readonly nanStrategy?: string;
  readonly outliers?: { readonly strategy?: string; readonly outlierFactor?: number };
  readonly critical?: boolean;
  readonly mustHaveData?: boolean;
  readonly muted?: boolean;
  readonly effectSize?: {
    readonly measure?: string;
    readonly allowedIncrease?: number;
    readonly allowedDecrease?: number;
    readonly criticalIncrease?: number;
    readonly criticalDecrease?: number;
  };
  readonly groups?: readonly string[];
  readonly tolerance?: number;
  readonly confLevel?: number;
  readonly noiseSeed?: number;
}

/**
 * Fills a metric config with Kayenta's defaults (§2.1): unknown directions → `either`; any nanStrategy but
 * `replace` → `remove` (Kayenta's "none" default parses to remove); outliers kept unless `remove`, factor 3;
 * effect gates 1.0 for the mean ratio and 0.5 for CLES; tolerance 0.25 and confLevel 0.98 as hard-coded in
 * NetflixACAJudge; noise seed 12345 (the fixture run's).
 */
export function toKayentaMetricConfig(input: KayentaMetricConfigInput): KayentaMetricConfig {
  const measure = input.effectSize?.measure === 'cles' ? 'cles' : 'meanRatio';
  const gate = measure === 'cles' ? 0.5 : 1.0;
  const direction = input.direction === 'increase' || input.direction === 'decrease' ? input.direction : 'either';
  return {
    name: input.name,
    direction,
    nanStrategy: input.nanStrategy === 'replace' ? 'replace' : 'remove',
    outliers: {
      strategy: input.outliers?.strategy === 'remove' ? 'remove' : 'keep',
      outlierFactor: input.outliers?.outlierFactor ?? 3.0,
    },
    critical: input.critical ?? false,
    mustHaveData: input.mustHaveData ?? false,
    muted: input.muted ?? false,
    effectSize: {
      measure,
      allowedIncrease: input.effectSize?.allowedIncrease ?? gate,
      allowedDecrease: input.effectSize?.allowedDecrease ?? gate,
      criticalIncrease: input.effectSize?.criticalIncrease ?? gate,
      criticalDecrease: input.effectSize?.criticalDecrease ?? gate,
    },
    groups: input.groups ?? [],
    tolerance: input.tolerance ?? 0.25,
    confLevel: input.confLevel ?? 0.98,
    noiseSeed: input.noiseSeed ?? 12345,
  };
}
