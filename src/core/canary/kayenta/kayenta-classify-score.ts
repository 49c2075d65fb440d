/** Kayenta's score classification. */
export type KayentaScoreLabel = 'Pass' | 'Marginal' | 'Fail';

/**
 * Kayenta's `ThresholdScoreClassifier` (§2.6): score ≥ pass → Pass, score ≥ marginal → Marginal, else
 * Fail. Inclusive, although Kayenta's orchestrator fails a score equal to `marginal` (defect D10).
 */
export function kayentaClassifyScore(
  score: number,
  thresholds: { readonly pass: number; readonly marginal: number },
): KayentaScoreLabel {
  if (score >= thresholds.pass) return 'Pass';
  if (score >= thresholds.marginal) return 'Marginal';
  return 'Fail';
}
