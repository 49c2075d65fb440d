import * as z from 'zod';
import { commandSchema } from './command-schema.ts';
import { durationSchema } from './duration-schema.ts';
import { gateSchema } from './gate-schema.ts';
import { LOCAL_ID, REPOSITORY_NAME, SLACK_CHANNEL, SLACK_USER_ID } from './identifier-patterns.ts';
import { DEFAULT_HEALTH_COMMAND_TIMEOUT_MS } from './verification-defaults.ts';

const SLACK_USER_HELP = 'must be a Slack user id such as U012ABCDEF (or W… on Enterprise Grid), not a name';
const CHANNEL_HELP = 'must be a Slack channel id such as C012ABCDEF (preferred: it survives renames) or #channel-name';

/** A Slack user id. */
export const slackUserSchema = z.string().regex(SLACK_USER_ID, { error: SLACK_USER_HELP });

/** A Slack channel id or name. */
const channelSchema = z.string().regex(SLACK_CHANNEL, { error: CHANNEL_HELP });

/** Defaults of the approval policy. */
export const DEFAULT_APPROVALS = { required: 1, expiryMs: 24 * 3_600_000, reminderMs: 3_600_000 } as const;

const approvalsSchema = z.strictObject({
  required: z.int().min(1, { error: 'must be at least 1: production always needs a human' }).max(50).default(1),
  approvers: z.array(slackUserSchema).default([]),
  groups: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        quorum: z.int().min(1, { error: 'must be at least 1' }).default(1),
      }),
    )
    .default([]),
  expiry: durationSchema().default(DEFAULT_APPROVALS.expiryMs),
  reminder: durationSchema().default(DEFAULT_APPROVALS.reminderMs),
});

/** Default time limit of a deploy script. */
export const DEFAULT_DEPLOY_TIMEOUT_MS = 15 * 60_000;

const deployScriptSchema = z.strictObject({
  command: commandSchema(),
  timeout: durationSchema().default(DEFAULT_DEPLOY_TIMEOUT_MS),
  environment: z.string().trim().min(1).max(255).optional(),
});

const metricSchema = z.strictObject({
  name: z.string().regex(LOCAL_ID, { error: 'must be a short id of lowercase letters, digits, - and _' }),
  query: z.string().includes('{{track}}', {
    error: 'must contain {{track}} so the canary and the baseline are measured separately',
  }),
  direction: z.enum(['increase', 'decrease', 'either']).default('increase'),
  critical: z.boolean().default(false),
  margin: z.number().min(0).max(100).default(0.1),
});

/**
 * How production is verified after its deploy. `duration` has no schema default: it depends on
 * whether the metrics check runs (see `toVerificationConfig`).
 */
const verificationSchema = z.strictObject({
  duration: durationSchema().optional(),
  checks: z
    .strictObject({
      metrics: z.boolean().optional(),
      command: commandSchema().optional(),
      command_timeout: durationSchema().default(DEFAULT_HEALTH_COMMAND_TIMEOUT_MS),
    })
    .prefault({}),
});

/** One repository as written. */
export const repositorySchema = z.strictObject({
  name: z.string().regex(REPOSITORY_NAME, { error: 'must be owner/repo, for example acme/api' }),
  deploy_channel: channelSchema,
  alerts_channel: channelSchema.optional(),
  gates: z.array(gateSchema).min(1, { error: 'must list at least one gate' }),
  approvals: approvalsSchema.prefault({}),
  deploy: z.strictObject({
    staging: deployScriptSchema,
    canary: deployScriptSchema,
    production: deployScriptSchema,
    rollback: deployScriptSchema,
  }),
  canary: z
    .strictObject({
      metrics: z.array(metricSchema).min(1, { error: 'must list at least one metric' }).optional(),
      service: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, {
          error: 'must be the service label value in Prometheus: letters, digits, . _ and -',
        })
        .optional(),
    })
    .prefault({}),
  verification: verificationSchema.prefault({}),
  /** The older spelling of `verification.duration`. */
  verification_window: durationSchema().optional(),
});

/** A repository after schema parsing. */
export type RawRepository = z.output<typeof repositorySchema>;
