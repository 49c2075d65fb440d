import { checkView } from './check-view.ts';
import { readJson, readString } from './read-arg.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';
import { storeView } from './store-view.ts';
import { toApiView } from './to-api-view.ts';
import type { JsonObject } from './types.ts';

/**
 * `views.open` (https://docs.slack.dev/reference/methods/views.open): opens a modal for the user whose
 * interaction issued `trigger_id`. The trigger is single use and valid 3 s: `exchanged_trigger_id`,
 * `expired_trigger_id`, `invalid_trigger_id`; a bad view → `invalid_arguments` with details.
 */
export const viewsOpen: ApiMethod = (args, context) => {
  const triggerId = readString(args, 'trigger_id') ?? readString(args, 'interactivity_pointer');
  if (triggerId === undefined) return failure('invalid_arguments', ['invalid `trigger_id`']);
  const view = readJson(args, 'view');
  if (!view.ok) return failure('invalid_arguments', ['must provide an object [json-pointer:/view]']);
  const problems = checkView(view.value, 'modal', context.validate);
  if (problems.length > 0) return failure('invalid_arguments', problems);
  const exchange = context.triggers.exchange(triggerId);
  if (!exchange.ok) return failure(exchange.error);
  const stored = storeView(context, { type: 'modal', user: exchange.user, view: view.value as JsonObject });
  return { ok: true, view: toApiView(stored, context.workspace) };
};
