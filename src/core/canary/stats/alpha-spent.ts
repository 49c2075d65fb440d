import { normalCdf } from './normal-cdf.ts';
import { normalQuantile } from './normal-quantile.ts';

function checkLooks(look: number, looks: number, alpha: number): void {
  if (!(Number.isInteger(look) && Number.isInteger(looks) && look >= 1 && look <= looks)) {
    throw new RangeError(`look must be an integer in 1…looks: ${look} of ${looks}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1): ${alpha}`);
}

/**
 * Cumulative type-I error spent by planned look `look` of `looks` equally spaced looks, with the
 * Lan–DeMets spending function of O'Brien–Fleming type (Lan & DeMets 1983; gsDesign's `sfLDOF`):
 * α(τ) = 2·(1 − Φ(z_{1−α/2} / √τ)), information fraction τ = look / looks. It spends almost
 * nothing early (for 6 looks at α = 0.01, cumulatively: 2.8e-10, 8.1e-6, 2.7e-4, 1.6e-3, 4.8e-3, 1e-2) and
 * exactly α at the last look. Equal spacing is the choice because the looks are planned re-judgings
 * at a fixed interval over growing windows.
 */
export function alphaSpent(look: number, looks: number, alpha: number): number {
  checkLooks(look, looks, alpha);
  if (look === looks) return alpha;
  const tau = look / looks;
  return 2 * normalCdf(-normalQuantile(1 - alpha / 2) / Math.sqrt(tau));
}

/**
 * The significance level to test at look `look`: the increment α(τ_k) − α(τ_{k−1}) of
 * {@link alphaSpent}. Testing each look at its increment and failing on any rejection keeps the
 * error over all looks ≤ α by the union bound — conservative (it ignores the positive correlation
 * of growing windows, which a full group-sequential boundary would exploit) but simple and exact
 * to state. The increments sum to α.
 */
export function alphaForLook(look: number, looks: number, alpha: number): number {
  checkLooks(look, looks, alpha);
  return alphaSpent(look, looks, alpha) - (look === 1 ? 0 : alphaSpent(look - 1, looks, alpha));
}
