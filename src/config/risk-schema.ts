import * as z from 'zod';
import { DEFAULT_ACCEPTABLE_RISK, DEFAULT_RISK_WARN_AT } from './default-risk-components.ts';
import { LOCAL_ID } from './identifier-patterns.ts';

const harmModeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  probability: z.number().min(0).max(1, { error: 'is a probability per month: between 0 and 1' }),
  damage: z.number().min(0),
});

const componentSchema = z.strictObject({
  id: z.string().regex(LOCAL_ID, { error: 'must be a short id of lowercase letters, digits, - and _' }),
  name: z.string().trim().min(1).max(80).optional(),
  implementation: z.enum(['code', 'verified_code', 'narrow_model', 'llm', 'human_gate']),
  budget: z.number().min(0),
  harm_modes: z.array(harmModeSchema).default([]),
});

/** The delegation-risk section as written; without `components` the seed's table applies. */
export const riskSchema = z
  .strictObject({
    acceptable: z.number().positive().default(DEFAULT_ACCEPTABLE_RISK),
    warn_at: z.number().gt(0).max(1).default(DEFAULT_RISK_WARN_AT),
    components: z.array(componentSchema).min(1).optional(),
  })
  .prefault({});
