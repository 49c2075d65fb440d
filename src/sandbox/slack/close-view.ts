import type { DeliveryOptions, DeliveryResult } from './deliver-to-app.ts';
import { requireUser } from './require-user.ts';
import { sendSigned } from './send-signed.ts';
import type { StandInContext } from './stand-in-context.ts';
import { toApiView } from './to-api-view.ts';
import { toPayloadUser } from './to-payload-user.ts';
import type { JsonObject } from './types.ts';

/** Who closes (Cancel / ×) which modal. */
export interface CloseViewOptions extends DeliveryOptions {
  readonly user: string;
  readonly viewId: string;
}

/**
 * Closes a modal. Slack tells the app only if the view asked (`notify_on_close: true`), with a signed
 * `view_closed` payload (fixture `view_closed.json`); otherwise nothing is sent and this returns undefined.
 */
export async function closeView(
  context: StandInContext,
  options: CloseViewOptions,
): Promise<(DeliveryResult & { readonly payload: JsonObject }) | undefined> {
  const { workspace } = context;
  const user = requireUser(context, options.user);
  const stored = workspace.views.get(options.viewId);
  if (stored === undefined || !stored.open || stored.user !== user.id) {
    throw new Error(`slack stand-in: ${user.id} has no open view ${options.viewId}`);
  }
  stored.open = false;
  if (stored.view.notify_on_close !== true) return undefined;
  const payload: JsonObject = {
    type: 'view_closed',
    team: { id: workspace.team.id, domain: workspace.team.domain },
    user: toPayloadUser(user, workspace.team),
    api_app_id: workspace.bot.appId,
    token: context.verificationToken,
    view: toApiView(stored, workspace),
    is_cleared: false,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  const rawBody = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { ...(await sendSigned(context, options, rawBody, 'application/x-www-form-urlencoded')), payload };
}
