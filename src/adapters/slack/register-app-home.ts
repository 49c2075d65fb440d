import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Policy, PullRequestState } from '../../core/types.ts';
import { type HomeRollout, toHomeView } from '../../render/home-view.ts';
import { renderHome } from '../../render/render-home.ts';
import type { Clock, Store } from '../../shell/ports.ts';
import type { Freezes } from '../db/create-freezes.ts';
import type { RolloutIndex, RolloutRef } from '../db/create-rollout-index.ts';
import type { RiskCommands } from '../risk/create-risk-commands.ts';

/** What the Home tab is built from. */
export interface AppHomeDeps {
  readonly store: Pick<Store, 'loadPullRequest'>;
  readonly rollouts: RolloutIndex;
  readonly freezes: Freezes;
  readonly policyFor: (repo: string) => Policy;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The delegation-risk ledger: its report is a section of the Home tab (issue #7). */
  readonly risk?: Pick<RiskCommands, 'view'>;
}

const ACTIVE_SCAN = 200;
const RECENT = 15;

/**
 * App Home: on `app_home_opened` (Home tab), publishes the viewer's tab with `views.publish`
 * (REFERENCES.md: no extra scope). A failed publish is logged; the previous tab stays.
 */
export function registerAppHome(app: App, deps: AppHomeDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const view = renderHome(homeViewFor(event.user, deps));
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.error({ err: error }, 'app home not published');
    }
  });
}

/** The viewer's Home data from the store (reads only). */
export function homeViewFor(viewer: string, deps: AppHomeDeps) {
  const states = new Map<string, PullRequestState | null>();
  const load = (refs: readonly RolloutRef[]): HomeRollout[] =>
    refs.flatMap((ref) => {
      if (!states.has(ref.prKey)) states.set(ref.prKey, deps.store.loadPullRequest(ref.prKey));
      const state = states.get(ref.prKey);
      const rollout = state?.rollouts.find((r) => r.id === ref.rolloutId);
      return state == null || rollout === undefined ? [] : [{ state, rollout }];
    });
  const at = deps.clock.now();
  const home = toHomeView({
    viewer,
    at,
    active: load(deps.rollouts.active(ACTIVE_SCAN)),
    recent: load(deps.rollouts.inPhases(['deployed', 'rolled_back'], RECENT)),
    freezes: deps.freezes.list(),
    policyFor: deps.policyFor,
  });
  return deps.risk === undefined ? home : { ...home, risk: deps.risk.view(at) };
}
