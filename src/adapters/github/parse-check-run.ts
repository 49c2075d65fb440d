import * as z from 'zod';
import type { CheckRunSnapshot } from './github-api.ts';

const checkRunSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']),
  conclusion: z
    .enum(['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required', 'stale'])
    .nullable(),
  html_url: z.string().nullable(),
  external_id: z.string().nullable(),
});

/** A check run as the check gate reads it, plus its `external_id` (how shiplock finds its own runs). */
export function parseCheckRun(json: unknown): CheckRunSnapshot & { readonly externalId: string } {
  const run = checkRunSchema.parse(json);
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion,
    htmlUrl: run.html_url ?? '',
    externalId: run.external_id ?? '',
  };
}
