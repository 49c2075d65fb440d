import type { Implementation } from './risk-types.ts';

/**
 * Default trust in a component's output by implementation, from the seed's risk inheritance
 * (principles-to-practice.md): static analysis (verified code) 0.95, canary (narrow model) 0.90,
 * reviewer (LLM) 0.80, Human → Production 1.0. The seed has no value for plain code; it shares
 * verified code's tier. The orchestrator's 0.99 (Human → Orchestrator) is set on its edge.
 */
export const TRUST_TIER: { readonly [I in Implementation]: number } = {
  code: 0.95,
  verified_code: 0.95,
  narrow_model: 0.9,
  llm: 0.8,
  human_gate: 1,
};
