import { createRequire } from 'node:module';

/** One recorded delivery: GitHub's event name and its payload, as published by octokit/webhooks. */
export interface Example {
  readonly event: string;
  readonly payload: Record<string, unknown>;
}

interface Definition {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

// The real payloads GitHub sends, collected in @octokit/webhooks-examples (4 MB: read once).
const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples/api.github.com/index.json',
) as readonly Definition[];

/** The first recorded `event` payload with this `action` (or the first one when `action` is omitted). */
export function example(event: string, action?: string): Example {
  const found = definitions
    .find((d) => d.name === event)
    ?.examples.find((p) => action === undefined || p.action === action);
  if (found === undefined) throw new Error(`no recorded ${event} ${action ?? ''} example`);
  return { event, payload: structuredClone(found) };
}

/**
 * The recorded `opened` payload as a draft. The collection has no draft `opened` example; GitHub sends
 * the same payload with `pull_request.draft: true`.
 */
export function draftOpened(): Example {
  const { event, payload } = example('pull_request', 'opened');
  const pr = payload.pull_request as Record<string, unknown>;
  return { event, payload: { ...payload, pull_request: { ...pr, draft: true } } };
}

/** The repository of the recorded pull_request, check_run and check_suite examples. */
export const EXAMPLE_REPO = 'Codertocat/Hello-World';
/** Their head SHA. */
export const EXAMPLE_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

/** Every recorded payload of `event`, in the collection's order. */
export function allExamples(event: string): Example[] {
  const found = definitions.find((d) => d.name === event)?.examples ?? [];
  return found.map((payload) => ({ event, payload: structuredClone(payload) }));
}
