import type { KayentaLabel } from './kayenta-types.ts';

/** The defects of `CANARY.md` §2.9 that fixture vectors exhibit. */
export type KayentaDefectId = 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8';

/** One vector on which Kayenta's (faithfully reproduced) output is wrong, with what a correct judge says. */
export interface KayentaDefect {
  /** Id in `fixtures/kayenta/kayenta_vectors.json`, or `constructed-*` for a case built from §2.9's text. */
  readonly vectorId: string;
  readonly defects: readonly KayentaDefectId[];
  /** Inputs of a constructed case (canary, baseline, Kayenta's confLevel 0.98, defaults otherwise). */
  readonly constructed: { readonly canary: readonly number[]; readonly baseline: readonly number[] } | null;
  /** Kayenta's output, reproduced bit for bit by the compatibility mode; classification null for statistics-only vectors. */
  readonly kayenta: {
    readonly classification: KayentaLabel | null;
    readonly ciLow: number;
    readonly ciHigh: number;
    readonly estimate: number;
  };
  /** What a correct judge says, from the independent oracles (SciPy 1.10.1 / R 4.2.2, or exact enumeration). */
  readonly correct: {
    /** Native three-way verdict at Kayenta's own level; null for statistics-only vectors. */
    readonly verdict: 'healthy' | 'unhealthy' | 'inconclusive' | null;
    /** Exact Hodges-Lehmann shift (median of all pairwise differences canary − baseline). */
    readonly hlShift: number;
    /** Two-sided Mann-Whitney p: exact where there are no ties, else asymptotic with continuity correction. */
    readonly pValue: number;
  };
  readonly reason: string;
}

/**
 * Golden table of Kayenta's defective outputs (`CANARY.md` §2.9) for the native judge's tests: the
 * compatibility mode must reproduce `kayenta` exactly, the native judge must not.
 */
export const DEFECTS: readonly KayentaDefect[] = [
  {
    vectorId: 'kay-classify-08',
    defects: ['D2'],
    constructed: null,
    kayenta: {
      classification: 'High',
      ciLow: 3.521755377702165e-5,
      ciHigh: 2.024564616623515e-5,
      estimate: 2.6279243045155653e-5,
    },
    correct: { verdict: 'unhealthy', hlShift: 0, pValue: 2.833448233359799e-9 },
    reason:
      'Inverted interval (low > high) at a 1e-5 scale under the 1e-4 absolute solver tolerance; High rests on L > 0.1·est between solver artefacts, while the exact HL shift is 0. The canary is non-zero far more often (P(X>Y) = 0.615, p = 2.8e-9), so a failure is right, but on a rate test, not this interval.',
  },
  {
    vectorId: 'kay-classify-12',
    defects: ['D2', 'D6'],
    constructed: null,
    kayenta: {
      classification: 'Pass',
      ciLow: 3.521755377702165e-5,
      ciHigh: 2.024564616623515e-5,
      estimate: 2.6279243045155653e-5,
    },
    correct: { verdict: 'unhealthy', hlShift: 0, pValue: 2.833448233359799e-9 },
    reason:
      'Same data as kay-classify-08 and the same inverted interval; Pass only because the mean-ratio gate (5×) is not reached by a 4.4× mean — a non-robust gate on zero-inflated data with p = 2.8e-9.',
  },
  {
    vectorId: 'kay-mw-07',
    defects: ['D2', 'D3'],
    constructed: null,
    kayenta: {
      classification: null,
      ciLow: 3.521755377702165e-5,
      ciHigh: 2.024564616623515e-5,
      estimate: 2.6279243045155653e-5,
    },
    correct: { verdict: null, hlShift: 0, pValue: 2.833448233359799e-9 },
    reason: 'Kayenta asserts an interval with low > high and an estimate of 2.6e-5 where the exact HL shift is 0.',
  },
  {
    vectorId: 'kay-classify-13',
    defects: ['D2', 'D3', 'D8'],
    constructed: null,
    kayenta: {
      classification: 'Pass',
      ciLow: 1.8631499950842564e-5,
      ciHigh: 4.12407182596342e-6,
      estimate: -8.277989399307643e-6,
    },
    correct: { verdict: 'inconclusive', hlShift: 0, pValue: 0.08370280988282099 },
    reason:
      'Inverted interval whose estimate lies outside it; p = 0.084 with sparse non-zero values is not evidence of health, yet Kayenta can only say Pass.',
  },
  {
    vectorId: 'kay-classify-11',
    defects: ['D3', 'D8'],
    constructed: null,
    kayenta: {
      classification: 'Pass',
      ciLow: -17.799961646216403,
      ciHigh: 0.9999477985550316,
      estimate: -10.781220198762492,
    },
    correct: { verdict: 'inconclusive', hlShift: -10, pValue: 0.05555555555555555 },
    reason:
      'Estimate −10.78 where R says −10.00 and the exact HL is −10.0 (continuity correction kept on a plateau); 5 v 5 with p = 0.056 is too little evidence to pass.',
  },
  {
    vectorId: 'kay-classify-17',
    defects: ['D3'],
    constructed: null,
    kayenta: {
      classification: 'Low',
      ciLow: -27.999942062143035,
      ciHigh: -7.999954026272997,
      estimate: -18.07509957130739,
    },
    correct: { verdict: 'unhealthy', hlShift: -18.2, pValue: 0.009700785068229596 },
    reason: 'Right verdict, wrong estimate: −18.08 where R says −18.20 and the exact HL is −18.2.',
  },
  {
    vectorId: 'kay-mw-04',
    defects: ['D3'],
    constructed: null,
    kayenta: {
      classification: null,
      ciLow: -1.4808028936386108e-5,
      ciHigh: 1.808255910873413e-5,
      estimate: 1.808255910873413e-5,
    },
    correct: { verdict: null, hlShift: -1.7384688064114862e-9, pValue: 0.21891569688556367 },
    reason: "Kayenta's test 'Problem Case' asserts est == the interval's upper end (1.81e-5); the exact HL is −1.7e-9.",
  },
  {
    vectorId: 'kay-issue-03',
    defects: ['D3', 'D8'],
    constructed: null,
    kayenta: {
      classification: 'Pass',
      ciLow: -88.39996475353826,
      ciHigh: 8.699979275818809,
      estimate: -1.777243908246736,
    },
    correct: { verdict: 'inconclusive', hlShift: 0, pValue: 1 },
    reason:
      'kayenta#780: a variance change; estimate −1.78 where the exact HL is 0, and an interval of width 97 proves nothing, yet the answer is Pass.',
  },
  {
    vectorId: 'constructed-d4-3v3',
    defects: ['D4'],
    constructed: { canary: [4, 5, 6], baseline: [1, 2, 3] },
    kayenta: { classification: 'High', ciLow: 1, ciHigh: 5, estimate: 3 },
    correct: { verdict: 'inconclusive', hlShift: 3, pValue: 0.1 },
    reason:
      '3 v 3 complete separation: the 98 % level is unreachable, root() clamps to [μ_min, μ_max] = [1, 5] and Kayenta says High although the exact p = 0.1 is the smallest 3 v 3 allows.',
  },
  {
    vectorId: 'kay-issue-01',
    defects: ['D5'],
    constructed: null,
    kayenta: { classification: 'Pass', ciLow: 6.825022991538781e-5, ciHigh: 99, estimate: 98.99992904170193 },
    correct: { verdict: 'unhealthy', hlShift: 99, pValue: 0.001616772830620606 },
    reason:
      'spinnaker#6278: 7 of 10 canary points at 100 vs an all-1 baseline, p = 0.0016; Pass because L = 6.8e-5 < 0.25·|est| = 24.75 — the tolerance rule is a precision heuristic, not a margin.',
  },
  {
    vectorId: 'kay-classify-31',
    defects: ['D6'],
    constructed: null,
    kayenta: { classification: 'High', ciLow: 54.5, ciHigh: 57.4, estimate: 55.10003558628131 },
    correct: { verdict: 'unhealthy', hlShift: 55.1, pValue: 0.007494957516935239 },
    reason: 'Baseline mean 0 → mean ratio NaN → the configured effect gate (0.8, 1.2) is silently skipped.',
  },
  {
    vectorId: 'kay-classify-32',
    defects: ['D6'],
    constructed: null,
    kayenta: { classification: 'Low', ciLow: -57.4, ciHigh: -54.5, estimate: -55.09996451867215 },
    correct: { verdict: 'unhealthy', hlShift: -55.1, pValue: 0.007494957516935239 },
    reason: 'Canary mean 0 → mean ratio NaN → the configured effect gate is silently skipped.',
  },
  {
    vectorId: 'kay-classify-29',
    defects: ['D7'],
    constructed: null,
    kayenta: {
      classification: 'High',
      ciLow: 8.99990697871929,
      ciHigh: 9.000102652726998,
      estimate: 8.999982242672084,
    },
    correct: { verdict: 'unhealthy', hlShift: 9, pValue: 0.003976751709788651 },
    reason:
      'One value per group: Kayenta adds unseeded Gaussian noise, so its interval and deviation change run to run; these numbers need the fixture run’s seed 12345.',
  },
  {
    vectorId: 'kay-classify-30',
    defects: ['D7', 'D6'],
    constructed: null,
    kayenta: {
      classification: 'High',
      ciLow: 9.999877658806282,
      ciHigh: 10.000094880478043,
      estimate: 9.999986269642163,
    },
    correct: { verdict: 'unhealthy', hlShift: 10, pValue: 0.003976751709788651 },
    reason:
      'Unseeded noise on the canary only (σ = 0 for the all-zero baseline), and a NaN mean ratio skips the effect gate.',
  },
  {
    vectorId: 'kay-issue-02',
    defects: ['D8'],
    constructed: null,
    kayenta: { classification: 'Pass', ciLow: 0, ciHigh: 2, estimate: 0.8127337922220947 },
    correct: { verdict: 'inconclusive', hlShift: 0.5, pValue: 0.07313979965890892 },
    reason:
      'kayenta#426: sparse error counts [0,1,2,1,0,0] vs zeros, p = 0.073 — not enough evidence either way, which Kayenta cannot say.',
  },
];
