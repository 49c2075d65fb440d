import type { Store, StoreTx } from '../../shell/ports.ts';
import type { RiskEngine } from './create-risk-engine.ts';

/**
 * The store with the risk ledger attached: every decision's commit also records the incidents it
 * caused (and any budget crossing) in the same transaction, so an incident is in the log exactly
 * when the event that caused it is. Warnings go out once the outermost transaction committed.
 */
export function withRiskLedger(store: Store, engine: RiskEngine): Store {
  let depth = 0;
  const wrap = (tx: StoreTx): StoreTx => ({
    ...tx,
    commit(input) {
      const result = tx.commit(input);
      engine.onCommit({ before: input.before, after: input.state, event: input.event });
      return result;
    },
  });
  return {
    ...store,
    transact(fn) {
      const mark = engine.pendingMark();
      depth += 1;
      let result: ReturnType<typeof fn>;
      try {
        result = store.transact((tx) => fn(wrap(tx)));
      } catch (error) {
        engine.dropPending(mark);
        throw error;
      } finally {
        depth -= 1;
      }
      if (depth === 0) engine.flush();
      return result;
    },
  };
}
