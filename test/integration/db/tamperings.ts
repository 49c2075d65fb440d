import { DERIVED_TAMPERINGS } from './tamper-derived.ts';
import { deleteRow, editColumn, insertRow, rewrite, swapRows, truncateTail } from './tamper-log.ts';
import { flipHex, lastSeq, mutateLeaf } from './tamper-tools.ts';
import type { Tampering } from './tampering.ts';

const EVENT_TYPES = ['PullRequestOpened', 'GateFinished', 'ApproveClicked', 'TimerFired', 'DeployFinished'];

/** Every tampering kind the audit must detect; "+head" also moves chain_head to match. */
export const TAMPERINGS: readonly Tampering[] = [
  editColumn('edit_body_value', 'body', (row, rnd) => mutateLeaf(row.body, rnd)),
  editColumn('edit_body_text', 'body', (row, rnd) =>
    rnd.pick([
      `{ ${row.body.slice(1)}`,
      row.body.slice(0, -1),
      'null',
      '[]',
      `${row.body}\n`,
      row.body.replace(':', ': '),
    ]),
  ),
  editColumn('edit_at', 'at', (row, rnd) => row.at + (rnd.chance(0.5) ? 1 : -1) * (1 + rnd.int(1e6))),
  editColumn('edit_type', 'type', (row, rnd) => rnd.pick(EVENT_TYPES.filter((t) => t !== row.type))),
  editColumn('edit_pr_key', 'pr_key', (row) => `${row.pr_key}0`),
  editColumn('edit_policy_hash', 'policy_hash', (row, rnd, db) => {
    const others = db
      .prepare<[string], { hash: string }>('SELECT hash FROM policies WHERE hash <> ? ORDER BY hash')
      .all(row.policy_hash);
    return others.length > 0 && rnd.chance(0.7) ? rnd.pick(others).hash : flipHex(row.policy_hash, rnd);
  }),
  editColumn('edit_hash', 'hash', (row, rnd) => flipHex(row.hash, rnd)),
  editColumn('edit_prev_hash', 'prev_hash', (row, rnd) => flipHex(row.prev_hash, rnd)),
  editColumn('move_seq', 'seq', (_row, rnd, db) => lastSeq(db) + 1 + rnd.int(5)),
  deleteRow('first', false),
  deleteRow('first', true),
  deleteRow('middle', false),
  deleteRow('middle', true),
  deleteRow('last', false),
  deleteRow('last', true),
  swapRows(false),
  swapRows(true),
  insertRow('middle', false),
  insertRow('middle', true),
  insertRow('end', false),
  insertRow('end', true),
  truncateTail(false),
  truncateTail(true),
  ...DERIVED_TAMPERINGS,
  rewrite('delete'),
  rewrite('edit'),
];
