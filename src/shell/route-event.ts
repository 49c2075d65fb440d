import type { Event } from '../core/types.ts';
import { type PrKey, type Store, toPrKey } from './ports.ts';

/**
 * The aggregates an event is delivered to. PR events name their PR; a freeze goes to every open PR
 * of the repository; rollout events go to the PR that owns the rollout, or nowhere if none does.
 */
export function routeEvent(store: Store, event: Event): readonly PrKey[] {
  switch (event.type) {
    case 'PullRequestOpened':
    case 'PullRequestPushed':
      return [toPrKey(event.pr.repo, event.pr.number)];
    case 'PullRequestClosed':
      return [toPrKey(event.repo, event.number)];
    case 'FreezeChanged':
      return store.listOpenPrKeys(event.repo);
    default: {
      const key = store.findPrKeyByRollout(event.rolloutId);
      return key === null ? [] : [key];
    }
  }
}

/** The repository part of `owner/repo#123`. */
export function repoOf(prKey: PrKey): string {
  const hash = prKey.lastIndexOf('#');
  return hash < 0 ? prKey : prKey.slice(0, hash);
}
