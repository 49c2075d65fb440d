import { decide } from '../../../src/core/decide.ts';
import type { Event, Policy } from '../../../src/core/types.ts';
import type { PrKey, Store } from '../../../src/shell/ports.ts';

/** What the shell does with one event: load, decide, commit — in one transaction. */
export function commitEvent(store: Store, prKey: PrKey, event: Event, policy: Policy): { readonly seq: number } {
  return store.transact((tx) => {
    const before = tx.loadPullRequest(prKey);
    const d = decide(before, event, policy);
    return tx.commit({ prKey, event, policy, before, state: d.state, commands: d.commands });
  });
}
