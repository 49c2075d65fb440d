/**
 * A way the declared architecture breaks the seed's rules, as a value:
 * - `llm_control_edge`: an LLM component has a control (or approval) edge; it may only advise.
 * - `approval_not_human`: an approval edge leaves a component that is not a human gate.
 * - `model_bypasses_human`: a narrow model or LLM reaches production through control edges
 *   without passing a human gate.
 * - `orchestrator_not_verified`: the orchestrator is not verified code.
 * - `orchestrator_missing`: no component has the orchestrator's id.
 */
export type AuthorityRule =
  | 'llm_control_edge'
  | 'approval_not_human'
  | 'model_bypasses_human'
  | 'orchestrator_not_verified'
  | 'orchestrator_missing';

/** One violation: the rule and the path of node ids that breaks it. */
export interface AuthorityViolation {
  readonly rule: AuthorityRule;
  readonly path: readonly string[];
}
