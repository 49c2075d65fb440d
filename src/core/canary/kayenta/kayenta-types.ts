/**
 * Types of the Kayenta-compatibility mode: a faithful port of Netflix/Spinnaker Kayenta's
 * NetflixACAJudge @ a69573be (`CANARY.md` §2). Field names follow Kayenta's canary-config keys.
 */

/** Kayenta's metric classification labels (`MetricClassificationLabel`). */
export type KayentaLabel = 'Pass' | 'High' | 'Low' | 'Nodata' | 'NodataFailMetric' | 'Error';

/** `direction`: `increase` fails only on High, `decrease` only on Low, `either` on both. */
export type KayentaDirection = 'increase' | 'decrease' | 'either';

/** `nanStrategy`: `remove` drops NaN, `replace` turns NaN into 0.0. */
export type KayentaNanStrategy = 'remove' | 'replace';

/** `effectSize.measure`: the effect gate uses the mean ratio or the common-language effect size. */
export type KayentaEffectMeasure = 'meanRatio' | 'cles';

/** Effect-size gates (`effectSize.*`): High needs effect ≥ allowedIncrease, Low effect ≤ allowedDecrease. */
export interface KayentaEffectSize {
  readonly measure: KayentaEffectMeasure;
  readonly allowedIncrease: number;
  readonly allowedDecrease: number;
  /** A critical metric's High is critical only if effect ≥ criticalIncrease. */
  readonly criticalIncrease: number;
  /** A critical metric's Low is critical only if effect ≤ criticalDecrease. */
  readonly criticalDecrease: number;
}

/** `outliers.*`: `remove` applies the IQR detector with factor `outlierFactor`. */
export interface KayentaOutliers {
  readonly strategy: 'keep' | 'remove';
  readonly outlierFactor: number;
}

/** One metric's fully defaulted configuration (see `toKayentaMetricConfig`). */
export interface KayentaMetricConfig {
  readonly name: string;
  readonly direction: KayentaDirection;
  readonly nanStrategy: KayentaNanStrategy;
  readonly outliers: KayentaOutliers;
  readonly critical: boolean;
  readonly mustHaveData: boolean;
  readonly muted: boolean;
  readonly effectSize: KayentaEffectSize;
  readonly groups: readonly string[];
  /** Kayenta hard-codes 0.25 (`NetflixACAJudge.scala:146`); Kayenta's unit tests pass 0.1 or 0.2. */
  readonly tolerance: number;
  /** Kayenta hard-codes 0.98; Kayenta's unit tests pass 0.95. */
  readonly confLevel: number;
  /**
   * Seed of the java.util.Random that draws the tied-per-group noise (§2.3 step 4). Kayenta itself is
   * unseeded (defect D7); 12345 is the seed the fixture's Kayenta run used, so results are reproducible.
   */
  readonly noiseSeed: number;
}

/** The statistics behind a Mann-Whitney classification, as Kayenta computed them. */
export interface KayentaTestDetail {
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly estimate: number;
  /** The effect the gates used: the mean ratio or CLES (on the noised data when noise was added). */
  readonly effectSize: number;
  /** tolerance·|estimate|. */
  readonly bound: number;
  readonly cles: number;
  /** Whether the degenerate-ties path added Gaussian noise. */
  readonly noiseAdded: boolean;
}

/** Kayenta's `MetricClassification` for one metric. */
export interface KayentaMetricResult {
  readonly classification: KayentaLabel;
  readonly critical: boolean;
  /** Kayenta's reported deviation: mean ratio canary/baseline (NaN when a mean is 0), 1.0 on early exits. */
  readonly deviation: number;
  /** Kayenta's reason; '' where Kayenta reports none. */
  readonly reason: string;
  /** Present when the Mann-Whitney test ran. */
  readonly test: KayentaTestDetail | null;
}

/** Kayenta's per-series report statistics (§2.2 step 3). */
export interface KayentaSummaryStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly std: number;
  readonly count: number;
}
