import type { PullRequestState, Rollout } from '../../core/types.ts';
import type { Store } from '../../shell/ports.ts';
import type { LabelRolloutLookups } from './create-label-rollout-resolver.ts';

/** What the lookups are built from: the store and which repository deploys a service. */
export interface StoreRolloutLookupOptions {
  readonly store: Pick<Store, 'findPrKeyByRollout' | 'listOpenPrKeys' | 'loadPullRequest'>;
  /** The repository whose canary serves `service` (config), or `null` for a service shiplock does not deploy. */
  readonly repoOfService: (service: string) => string | null;
}

const LIVE_CANARY = new Set(['canary', 'awaiting_approval', 'time_locked']);
const IN_PRODUCTION = new Set(['deploying', 'verifying']);

/**
 * The lookups `createLabelRolloutResolver` needs, over the store: the live canary of a service is
 * the rollout of its repository's open pull requests whose canary is watched, most recently
 * claimed first (then one in production); an alert's previous rollout is the one that stores it.
 */
export function createStoreRolloutLookups(options: StoreRolloutLookupOptions): LabelRolloutLookups {
  const { store, repoOfService } = options;
  const aggregates = (service: string): PullRequestState[] => {
    const repo = repoOfService(service);
    if (repo === null) return [];
    return store.listOpenPrKeys(repo).flatMap((key) => store.loadPullRequest(key) ?? []);
  };
  const newest = (rollouts: readonly Rollout[]): string | null =>
    [...rollouts].sort((a, b) => (b.deploys.canary?.claimedAt ?? 0) - (a.deploys.canary?.claimedAt ?? 0))[0]?.id ??
    null;
  return {
    isKnownRollout: (rolloutId) => store.findPrKeyByRollout(rolloutId) !== null,
    activeRolloutOfService: (service) => {
      const rollouts = aggregates(service).flatMap((s) => s.rollouts);
      return (
        newest(rollouts.filter((r) => LIVE_CANARY.has(r.phase))) ??
        newest(rollouts.filter((r) => IN_PRODUCTION.has(r.phase)))
      );
    },
    rolloutOfAlert: (service, alertId) => {
      const alerts = aggregates(service).flatMap((s) => s.alerts ?? []);
      return alerts.filter((a) => a.id === alertId).at(-1)?.rolloutId ?? null;
    },
  };
}
