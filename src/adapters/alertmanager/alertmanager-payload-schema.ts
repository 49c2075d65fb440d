import { z } from 'zod';

/** Alertmanager writes Go's zero time for "not set" (`0001-01-01T00:00:00Z`); any RFC 3339 time parses. */
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a timestamp');
const stringMap = z.record(z.string(), z.string());

/** One alert of a notification. */
export const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: stringMap,
  annotations: stringMap.optional().default({}),
  startsAt: timestamp,
  endsAt: timestamp.optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string(),
});

/**
 * Alertmanager's webhook payload, `version: "4"` only
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config); unknown fields are
 * allowed (newer Alertmanagers add some), a different version is refused.
 */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  receiver: z.string(),
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(alertSchema).max(1000),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: z.string().optional(),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
});

/** A validated notification. */
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;
/** A validated alert. */
export type AlertmanagerAlert = z.infer<typeof alertSchema>;
