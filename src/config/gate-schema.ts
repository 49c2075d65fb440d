import * as z from 'zod';
import type { GateKind, GatePhase } from '../core/types.ts';
import { commandSchema } from './command-schema.ts';
import { durationSchema } from './duration-schema.ts';
import { LOCAL_ID } from './identifier-patterns.ts';
import { modelEndpointSchema } from './model-endpoint-schema.ts';

/** Every gate kind, in the order of the pipeline. */
export const GATE_KINDS = [
  'static_analysis',
  'security_scanner',
  'unit_tests',
  'integration_tests',
  'fuzz',
  'github_check',
] as const satisfies readonly GateKind[];

/** Where a gate runs when its phase is not written: reviewing gates run in parallel, testing gates in order. */
export const DEFAULT_GATE_PHASE: Readonly<Record<GateKind, GatePhase>> = {
  static_analysis: 'reviewing',
  security_scanner: 'reviewing',
  unit_tests: 'testing',
  integration_tests: 'testing',
  fuzz: 'testing',
  github_check: 'testing',
};

/** The card's label for a gate whose name is not written. */
export const DEFAULT_GATE_NAME: Readonly<Record<GateKind, string>> = {
  static_analysis: 'Static analysis',
  security_scanner: 'Security scanner',
  unit_tests: 'Unit tests',
  integration_tests: 'Integration tests',
  fuzz: 'Fuzzing',
  github_check: 'GitHub check',
};

/** Default time limit of one gate run. */
export const DEFAULT_GATE_TIMEOUT_MS = 10 * 60_000;

/** Finding severities, least severe first (the same words as the scanner's findings). */
export const SEVERITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const;

/** Where the security scanner blocks when `block_at` is not written. */
export const DEFAULT_BLOCK_AT: (typeof SEVERITY_LEVELS)[number] = 'high';

/** A relative path inside the PR's workspace: no absolute paths, no `..` climbing out. */
function workspacePathSchema() {
  return z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((s) => !s.startsWith('/') && !s.split(/[\\/]/).includes('..'), {
      error: 'must be a path inside the checkout, such as reports/lint.sarif (no leading / and no ..)',
    });
}

/**
 * One gate as written. `command` and `check_name` are both optional here; which one a kind needs
 * is checked across fields (see check-repositories.ts) so every gate's problems are reported.
 */
export const gateSchema = z.strictObject({
  id: z.string().regex(LOCAL_ID, {
    error: 'must be a short id of lowercase letters, digits, - and _ (it appears in Slack buttons and check runs)',
  }),
  name: z.string().trim().min(1).max(80).optional(),
  kind: z.enum(GATE_KINDS),
  phase: z.enum(['reviewing', 'testing']).optional(),
  command: commandSchema().optional(),
  timeout: durationSchema().default(DEFAULT_GATE_TIMEOUT_MS),
  check_name: z.string().trim().min(1).max(200).optional(),
  sarif: workspacePathSchema().optional(),
  junit: workspacePathSchema().optional(),
  block_at: z.enum(SEVERITY_LEVELS).optional(),
  model: modelEndpointSchema.optional(),
});

/** A gate after schema parsing. */
export type RawGate = z.output<typeof gateSchema>;
