import type { BetaPrior, HarmType, Implementation } from './risk-types.ts';

/**
 * Prior strength α₀ + β₀ (pseudo-trials) by implementation and harm type, from the framework's
 * probability priors (experimental/probabilistic-estimation/estimates/probability-priors.md):
 * deterministic code accident beta(1, 10000) → 10001; narrow ML accident beta(5, 200) → 205,
 * defection beta(1, 1000) → 1001; general LLM accident beta(8, 80) → 88, defection beta(2, 200) →
 * 202. The framework gives code a defection rate of 0 "by definition" and no separate entry for
 * verified code; both use code's strength (a defection mode on code stands for a compromise).
 * It gives no prior for human approvers: they get 50, the "moderate" strength of the framework's
 * trust-calibration page, so a human gate's record moves its estimate within a few months.
 */
export const PRIOR_STRENGTH: { readonly [I in Implementation]: { readonly [T in HarmType]: number } } = {
  code: { accident: 10_001, defection: 10_001 },
  verified_code: { accident: 10_001, defection: 10_001 },
  narrow_model: { accident: 205, defection: 1_001 },
  llm: { accident: 88, defection: 202 },
  human_gate: { accident: 50, defection: 50 },
};

/**
 * The prior of a harm mode written as a point probability: mean `probability`, strength from
 * {@link PRIOR_STRENGTH}. Where the seed's P and the framework's prior mean disagree (the
 * canary's P 0.01 against narrow ML's 2.4 %), the seed's P is kept as the mean, because the seed's
 * budgets are built on it, and the framework's prior only sets how much evidence moves it.
 */
export function priorFor(implementation: Implementation, type: HarmType, probability: number): BetaPrior {
  const strength = PRIOR_STRENGTH[implementation][type];
  const alpha = probability * strength;
  return { alpha, beta: strength - alpha };
}
