import type Database from 'better-sqlite3';
import type { HashFn } from '../../../src/adapters/db/sha256-hex.ts';
import type { EventRecord } from '../../../src/adapters/db/sql-rows.ts';
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import type { Random } from './seeded-random.ts';
import {
  eventRow,
  forgeHash,
  lastSeq,
  mustChange,
  mutateLeaf,
  rebuildSnapshots,
  rechain,
  shiftSeqs,
  syncHead,
} from './tamper-tools.ts';
import type { Tampering } from './tampering.ts';

const anySeq = (db: Database.Database, rnd: Random): number => 1 + rnd.int(lastSeq(db));
const middleSeq = (db: Database.Database, rnd: Random): number => 2 + rnd.int(lastSeq(db) - 2);
const insertSql = 'INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/** Edits one column of one random event row: the audit must name that row. */
export function editColumn(
  kind: string,
  column: keyof EventRecord,
  value: (row: EventRecord, rnd: Random, db: Database.Database) => unknown,
): Tampering {
  return {
    kind,
    apply(db, rnd) {
      const row = eventRow(db, anySeq(db, rnd));
      mustChange(db, `UPDATE events SET ${column} = ? WHERE seq = ?`, value(row, rnd, db), row.seq);
      return row.seq;
    },
  };
}

/** Deletes one row; `head`: and points chain_head at what is left. */
export function deleteRow(which: 'first' | 'middle' | 'last', head: boolean): Tampering {
  return {
    kind: `delete_${which}${head ? '+head' : ''}`,
    apply(db, rnd) {
      const seq = which === 'first' ? 1 : which === 'last' ? lastSeq(db) : middleSeq(db, rnd);
      mustChange(db, 'DELETE FROM events WHERE seq = ?', seq);
      if (head) syncHead(db);
      return which === 'last' && head ? null : seq;
    },
  };
}

/** Inserts a forged copy of a real event, correctly linked to the row before it. */
export function insertRow(where: 'middle' | 'end', head: boolean): Tampering {
  return {
    kind: `insert_${where}${head ? '+head' : ''}`,
    apply(db, rnd, hash) {
      const after = where === 'end' ? lastSeq(db) : middleSeq(db, rnd);
      const model = eventRow(db, anySeq(db, rnd));
      const prev = eventRow(db, after);
      const row = {
        ...model,
        seq: after + 1,
        at: prev.at,
        body: canonicalJson({ ...JSON.parse(model.body), at: prev.at }),
      };
      if (where === 'middle') shiftSeqs(db, after + 1, 1);
      const { seq, pr_key, at, type, body, policy_hash } = row;
      db.prepare(insertSql).run(seq, pr_key, at, type, body, policy_hash, prev.hash, forgeHash(hash, prev.hash, row));
      if (head) syncHead(db);
      // In the middle the forged row links, the one after it does not; at the end the row itself is extra.
      return where === 'middle' ? after + 2 : after + 1;
    },
  };
}

/** Cuts 1–30 rows off the end. */
export function truncateTail(head: boolean): Tampering {
  return {
    kind: `truncate_tail${head ? '+head' : ''}`,
    apply(db, rnd) {
      const n = lastSeq(db);
      const keep = n - 1 - rnd.int(Math.min(30, n - 1));
      mustChange(db, 'DELETE FROM events WHERE seq > ?', keep);
      if (head) syncHead(db);
      return head ? null : keep + 1;
    },
  };
}

/** Exchanges the contents of two rows (reordering the log). */
export function swapRows(adjacent: boolean): Tampering {
  return {
    kind: adjacent ? 'swap_adjacent' : 'swap_rows',
    apply(db, rnd) {
      const i = adjacent ? 1 + rnd.int(lastSeq(db) - 1) : anySeq(db, rnd);
      let j = adjacent ? i + 1 : anySeq(db, rnd);
      if (j === i) j = i === 1 ? 2 : i - 1;
      const [a, b] = [eventRow(db, i), eventRow(db, j)];
      mustChange(db, 'DELETE FROM events WHERE seq IN (?, ?)', i, j);
      for (const [seq, r] of [
        [i, b],
        [j, a],
      ] as const) {
        db.prepare(insertSql).run(seq, r.pr_key, r.at, r.type, r.body, r.policy_hash, r.prev_hash, r.hash);
      }
      return Math.min(i, j);
    },
  };
}

/**
 * A careful attacker: deletes or edits one event, renumbers, recomputes every hash and the head,
 * and rebuilds every snapshot with shiplock's own replay. An edit replay cannot digest is rolled
 * back and another is tried, as the attacker would.
 */
export function rewrite(edit: 'delete' | 'edit'): Tampering {
  return {
    kind: `rewrite_${edit}+rechain`,
    onlyExternal: true,
    apply(db, rnd, hash) {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return db.transaction(() => rewriteOnce(db, rnd, hash, edit))();
        } catch (error) {
          if (attempt >= 20) throw error;
        }
      }
    },
  };
}

function rewriteOnce(db: Database.Database, rnd: Random, hash: HashFn, edit: 'delete' | 'edit'): number {
  const seq = middleSeq(db, rnd);
  if (edit === 'delete') {
    mustChange(db, 'DELETE FROM events WHERE seq = ?', seq);
    shiftSeqs(db, seq + 1, -1);
  } else {
    mustChange(
      db,
      'UPDATE events SET body = ? WHERE seq = ?',
      mutateLeaf(eventRow(db, seq).body, rnd, ['type', 'at']),
      seq,
    );
  }
  const n = lastSeq(db);
  rechain(db, hash);
  rebuildSnapshots(db);
  // The external head is the old last row: after a delete it is missing, after an edit it differs.
  return edit === 'delete' ? n + 1 : n;
}
