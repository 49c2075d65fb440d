import { checkView } from './check-view.ts';
import type { DeliveryOptions, DeliveryResult } from './deliver-to-app.ts';
import { requireUser } from './require-user.ts';
import { sendSigned } from './send-signed.ts';
import type { StandInContext } from './stand-in-context.ts';
import { storeView } from './store-view.ts';
import { toApiView } from './to-api-view.ts';
import { toPayloadUser } from './to-payload-user.ts';
import { toViewStateValues, type ViewInputValues } from './to-view-state-values.ts';
import type { JsonObject, StoredView } from './types.ts';

/** A submission: who presses Submit on which open modal, with what typed in. */
export interface SubmitViewOptions extends DeliveryOptions {
  readonly user: string;
  readonly viewId: string;
  readonly values?: ViewInputValues;
}

/** What happened to the modal after the bot answered (https://docs.slack.dev/surfaces/modals). */
export type SubmitOutcome = 'closed' | 'errors' | 'updated' | 'pushed' | 'cleared' | 'refused';

/** The bot's answer, the payload sent, and the modal's fate. */
export interface SubmitResult extends DeliveryResult {
  readonly payload: JsonObject;
  readonly outcome: SubmitOutcome;
  /** `errors` from a `response_action: 'errors'` answer, by block id. */
  readonly errors: JsonObject | undefined;
}

function openModal(context: StandInContext, user: string, viewId: string): StoredView {
  const stored = context.workspace.views.get(viewId);
  if (stored === undefined || stored.type !== 'modal' || !stored.open || stored.user !== user) {
    throw new Error(`slack stand-in: ${user} has no open modal ${viewId}`);
  }
  return stored;
}

function applyAnswer(context: StandInContext, stored: StoredView, result: DeliveryResult): SubmitResult['outcome'] {
  if (result.status !== 200) return 'refused';
  const answer = (typeof result.json === 'object' && result.json !== null ? result.json : {}) as JsonObject;
  const action = answer.response_action;
  if (action === 'errors') return 'errors';
  if (action === 'update' || action === 'push') {
    if (checkView(answer.view, 'modal', context.validate).length > 0) return 'refused';
    const next = { type: 'modal' as const, user: stored.user, view: answer.view as JsonObject };
    storeView(context, next, action === 'update' ? stored : undefined);
    return action === 'update' ? 'updated' : 'pushed';
  }
  for (const view of context.workspace.views.values()) {
    if (action === 'clear' ? view.type === 'modal' && view.user === stored.user : view === stored) view.open = false;
  }
  return action === 'clear' ? 'cleared' : 'closed';
}

/**
 * Presses Submit on a modal the bot opened: a signed `view_submission` payload (fixture
 * `view_submission.json`), form-encoded; then applies the bot's `response_action`
 * (`errors`, `update`, `push`, `clear`, or none: the modal closes).
 */
export async function submitView(context: StandInContext, options: SubmitViewOptions): Promise<SubmitResult> {
  const { workspace } = context;
  const user = requireUser(context, options.user);
  const stored = openModal(context, user.id, options.viewId);
  const values = toViewStateValues(stored.view.blocks, options.values);
  const payload: JsonObject = {
    type: 'view_submission',
    team: { id: workspace.team.id, domain: workspace.team.domain },
    user: toPayloadUser(user, workspace.team),
    api_app_id: workspace.bot.appId,
    token: context.verificationToken,
    trigger_id: context.triggers.issue(user.id),
    view: toApiView(stored, workspace, values),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  const rawBody = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const result = await sendSigned(context, options, rawBody, 'application/x-www-form-urlencoded');
  const outcome = applyAnswer(context, stored, result);
  const answer = result.json as { errors?: JsonObject } | undefined;
  return { ...result, payload, outcome, errors: outcome === 'errors' ? answer?.errors : undefined };
}
