import * as z from 'zod';
import { durationSchema } from './duration-schema.ts';
import { GITHUB_LOGIN } from './identifier-patterns.ts';
import { isHttpUrl } from './is-http-url.ts';
import { modelEndpointSchema } from './model-endpoint-schema.ts';
import { parseTimeOfDay } from './parse-time-of-day.ts';
import { repositorySchema, slackUserSchema } from './repository-schema.ts';
import { riskSchema } from './risk-schema.ts';
import { toTimeZone } from './to-time-zone.ts';

/** Defaults of the top-level settings. */
export const DEFAULTS = {
  timeLockMs: 15 * 60_000,
  preflightRetryMs: 60_000,
  canaryWatchMs: 60_000,
  canaryStepMs: 60_000,
  database: './shiplock.db',
  workDir: './shiplock-work',
  port: 3000,
  host: '127.0.0.1',
  model: 'gpt-4.1',
} as const;

const httpUrl = z.string().refine((s) => isHttpUrl(s), { error: 'must be an http:// or https:// URL' });

const windowSchema = z.strictObject({
  days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
  start: z.string().refine((s) => parseTimeOfDay(s) !== null, { error: 'must be a time HH:MM, 00:00 to 23:59' }),
  end: z.string().refine((s) => parseTimeOfDay(s, true) !== null, { error: 'must be a time HH:MM, 00:01 to 24:00' }),
  time_zone: z.string().refine((s) => toTimeZone(s) !== null, {
    error: 'must be an IANA time zone such as Europe/Berlin, America/New_York or UTC',
  }),
});

/** The whole of shiplock.yml as written, with defaults applied and durations in milliseconds. */
export const configSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (the only configuration format so far)' }).default(1),
  repositories: z.array(repositorySchema).min(1, { error: 'must list at least one repository' }),
  people: z
    .array(
      z.strictObject({
        slack: slackUserSchema,
        github: z.string().regex(GITHUB_LOGIN, { error: 'must be a GitHub login such as octocat' }),
        name: z.string().trim().min(1).max(120).optional(),
      }),
    )
    .default([]),
  groups: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(80), members: z.array(slackUserSchema).min(1) }))
    .default([]),
  time_lock: durationSchema().default(DEFAULTS.timeLockMs),
  allow_short_time_lock: z.boolean().default(false),
  preflight_retry: durationSchema().default(DEFAULTS.preflightRetryMs),
  deploy_windows: z.array(windowSchema).default([]),
  canary: z
    .strictObject({
      watch_interval: durationSchema().default(DEFAULTS.canaryWatchMs),
      prometheus_url: httpUrl.optional(),
      // The error counts are `increase(...[<step>s])` windows: a whole number of seconds (issue 5).
      step: durationSchema()
        .refine((ms) => ms % 1000 === 0, { error: 'must be a whole number of seconds, at least 1s' })
        .default(DEFAULTS.canaryStepMs),
      model: modelEndpointSchema.optional(),
    })
    .prefault({}),
  advisory_review: z
    .strictObject({
      enabled: z.boolean().default(true),
      model: z.string().trim().min(1).max(200).default(DEFAULTS.model),
    })
    .prefault({}),
  risk: riskSchema,
  sandbox: z.enum(['bubblewrap', 'none']).default('bubblewrap'),
  database: z.string().trim().min(1).default(DEFAULTS.database),
  work_dir: z.string().trim().min(1).default(DEFAULTS.workDir),
  http: z
    .strictObject({
      port: z.int().min(1).max(65_535).default(DEFAULTS.port),
      host: z.string().trim().min(1).max(255).default(DEFAULTS.host),
    })
    .prefault({}),
});

/** The document after schema parsing (snake_case, as written). */
export type RawConfig = z.output<typeof configSchema>;
