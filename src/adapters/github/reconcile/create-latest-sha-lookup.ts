import type { PrKey, Store } from '../../../shell/ports.ts';
import { toPrKey } from '../../../shell/ports.ts';

/** What the store knows about a PR's head: the latest rollout's SHA, `null` if never seen, or `closed`. */
export type LatestSha = string | null | 'closed';

/** Store reads the reconciler needs. */
export interface LatestShaLookup {
  latestSha(repo: string, number: number): LatestSha;
  /** Numbers of the PRs of `repo` the store holds as open. */
  knownOpen(repo: string): readonly number[];
}

/** The PR number of `owner/repo#123`, or null for a key of another repository. */
function numberOf(repo: string, prKey: PrKey): number | null {
  const prefix = `${repo}#`;
  if (!prKey.startsWith(prefix)) return null;
  const n = Number(prKey.slice(prefix.length));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * Reads the store's snapshots (the `pull_requests` aggregates): the newest rollout is the last of
 * `rollouts`, whatever its phase — a rejected or deployed rollout still means its head was seen.
 * `headOf` reads those two fields in SQL: parsing 10,000 whole snapshots made most of the garbage of
 * a start-up's reconciler pass.
 */
export function createLatestShaLookup(store: Pick<Store, 'headOf' | 'listOpenPrKeys'>): LatestShaLookup {
  return {
    latestSha(repo, number) {
      const head = store.headOf(toPrKey(repo, number));
      if (head === null) return null;
      return head.closed ? 'closed' : head.sha;
    },
    knownOpen: (repo) =>
      store.listOpenPrKeys(repo).flatMap((key) => {
        const n = numberOf(repo, key);
        return n === null ? [] : [n];
      }),
  };
}
