import * as z from 'zod';
import {
  DEFAULT_ACCEPTABLE_RISK,
  DEFAULT_HALF_LIFE_MS,
  DEFAULT_ORCHESTRATOR,
  DEFAULT_PRODUCTION_NODE,
  DEFAULT_RISK_WARN_AT,
} from './default-risk-components.ts';
import { durationSchema } from './duration-schema.ts';
import { LOCAL_ID } from './identifier-patterns.ts';
import { slackUserSchema } from './repository-schema.ts';

/** Said of `blocking: true` on an LLM component, by the schema and by `checkRisk`. */
export const LLM_CANNOT_BLOCK =
  'an llm component is advisory only (Least Privilege; OWASP LLM06): it cannot be blocking. Remove `blocking`, or use a narrow_model';

const id = z.string().regex(LOCAL_ID, { error: 'must be a short id of lowercase letters, digits, - and _' });

const harmModeSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(200).optional(),
    type: z.enum(['accident', 'defection']).default('accident'),
    probability: z
      .number()
      .gt(0, { error: 'is a probability per month or per opportunity: more than 0, less than 1' })
      .lt(1, { error: 'is a probability per month or per opportunity: more than 0, less than 1' })
      .optional(),
    prior: z.strictObject({ alpha: z.number().positive().finite(), beta: z.number().positive().finite() }).optional(),
    basis: z.enum(['per_month', 'per_opportunity']).default('per_month'),
    opportunity: z.enum(['deploys', 'reviews', 'gate_runs', 'canary_runs']).optional(),
    opportunities_per_month: z.number().min(0).finite().optional(),
    damage: z.number().min(0).finite(),
  })
  .superRefine((mode, ctx) => {
    if ((mode.probability === undefined) === (mode.prior === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: mode.prior === undefined ? [] : ['prior'],
        message: 'give either probability (the prior mean) or prior { alpha, beta }, exactly one',
      });
    }
    const perOpportunity = mode.basis === 'per_opportunity';
    for (const key of ['opportunity', 'opportunities_per_month'] as const) {
      if (perOpportunity && mode[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required' });
      if (!perOpportunity && mode[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'only applies with basis: per_opportunity' });
      }
    }
  });

const componentSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(80).optional(),
    implementation: z.enum(['code', 'verified_code', 'narrow_model', 'llm', 'human_gate']),
    budget: z.number().min(0).finite(),
    blocking: z.boolean().optional(),
    harm_modes: z.array(harmModeSchema).default([]),
  })
  .superRefine((component, ctx) => {
    if (component.implementation === 'llm' && component.blocking === true) {
      ctx.addIssue({ code: 'custom', path: ['blocking'], message: LLM_CANNOT_BLOCK });
    }
  });

const edgeSchema = z.strictObject({
  from: id,
  to: id,
  kind: z.enum(['data', 'advisory', 'control', 'approval']),
  trust: z.number().min(0).max(1).optional(),
});

/** `component.mode`: a harm mode of a component. */
export const HARM_MODE_REF = /^([a-z0-9][a-z0-9_-]{0,63})\.([a-z0-9][a-z0-9_-]{0,63})$/;

const harmModeRef = z.string().regex(HARM_MODE_REF, { error: 'must name a harm mode as component.mode' });

/** Which harm modes each automatic incident charges; an unwritten trigger keeps its default. */
const incidentsSchema = z
  .strictObject({
    production_rollback: z.array(harmModeRef).optional(),
    deploy_failed: z.array(harmModeRef).optional(),
    alert_after_promotion: z.array(harmModeRef).optional(),
  })
  .prefault({});

/**
 * The delegation-risk section as written. Without `components` the seed's table applies, and
 * without `edges` the seed's graph (or none, when `components` is written).
 */
export const riskSchema = z
  .strictObject({
    acceptable: z.number().positive().finite().default(DEFAULT_ACCEPTABLE_RISK),
    warn_at: z.number().gt(0).max(1).default(DEFAULT_RISK_WARN_AT),
    half_life: durationSchema().default(DEFAULT_HALF_LIFE_MS),
    production: id.default(DEFAULT_PRODUCTION_NODE),
    orchestrator: id.default(DEFAULT_ORCHESTRATOR),
    components: z.array(componentSchema).min(1).optional(),
    edges: z.array(edgeSchema).optional(),
    incidents: incidentsSchema,
    /** Who may record incidents and acknowledge a step-down; default: every named approver. */
    authorized: z.array(slackUserSchema).min(1).optional(),
  })
  .prefault({});
