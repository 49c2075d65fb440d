import type { DeliveryOptions, DeliveryResult } from './deliver-to-app.ts';
import { randomId } from './random-id.ts';
import { requireUser } from './require-user.ts';
import { sendSigned } from './send-signed.ts';
import type { StandInContext } from './stand-in-context.ts';
import { toApiView } from './to-api-view.ts';
import type { JsonObject } from './types.ts';

/** A user opening the app's Home (or Messages) tab. */
export interface OpenAppHomeOptions extends DeliveryOptions {
  readonly user: string;
  /** Default `home`. */
  readonly tab?: 'home' | 'messages';
}

/**
 * Opens the App Home: a signed Events API `event_callback` carrying `app_home_opened`, JSON body
 * (fixtures `slack-web.app_home_opened_home.json`); the published Home view rides along as Slack sends it.
 */
export async function openAppHome(
  context: StandInContext,
  options: OpenAppHomeOptions,
): Promise<DeliveryResult & { readonly payload: JsonObject }> {
  const { workspace } = context;
  const user = requireUser(context, options.user);
  const tab = options.tab ?? 'home';
  const homeId = workspace.homeViews.get(user.id);
  const home = homeId === undefined ? undefined : workspace.views.get(homeId);
  const now = context.clock();
  const payload: JsonObject = {
    token: context.verificationToken,
    team_id: workspace.team.id,
    api_app_id: workspace.bot.appId,
    event: {
      type: 'app_home_opened',
      user: user.id,
      channel: workspace.openIm(user.id).id,
      tab,
      ...(tab === 'home' && home !== undefined ? { view: toApiView(home, workspace) } : {}),
      event_ts: (now / 1000).toFixed(6),
    },
    type: 'event_callback',
    event_id: randomId('Ev', 10),
    event_time: Math.floor(now / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: workspace.team.id,
        user_id: workspace.bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
  return { ...(await sendSigned(context, options, JSON.stringify(payload), 'application/json')), payload };
}
