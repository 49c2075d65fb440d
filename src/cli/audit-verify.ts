import { existsSync } from 'node:fs';
import type { AuditHead } from '../adapters/db/audit-result.ts';
import { openDatabase } from '../adapters/db/open-database.ts';
import { verifyAuditLog } from '../adapters/db/verify-audit-log.ts';
import type { CliIo } from './cli-io.ts';

/** `shiplock audit verify`: exit 0 when the log and snapshots verify, 1 naming the first bad row. */
export function auditVerify(dbPath: string, expectHead: string | undefined, io: CliIo): number {
  if (!existsSync(dbPath)) {
    io.stderr(`shiplock audit verify: no database at ${dbPath}. Pass --db FILE or set SHIPLOCK_DB.\n`);
    return 2;
  }
  const head = expectHead === undefined ? undefined : parseHead(expectHead);
  if (head === null) {
    io.stderr('shiplock audit verify: --expect-head takes SEQ:HASH, for example 1042:9f86d081…\n');
    return 2;
  }
  const db = openDatabase(dbPath);
  try {
    const result = verifyAuditLog(db, head === undefined ? {} : { expectHead: head });
    if (result.ok) {
      io.stdout(`audit log verified: ${result.count} events, head #${result.headSeq} ${result.headHash}\n`);
      return 0;
    }
    const where = result.firstBadSeq === null ? '' : ` at event #${result.firstBadSeq}`;
    const pr = result.prKey === null ? '' : ` (${result.prKey})`;
    io.stderr(`audit log FAILED${where}${pr}: ${result.problem} — ${result.detail}\n`);
    io.stderr(
      'The database was changed outside shiplock. Keep a copy for investigation and compare it with the last checkpoint posted to the audit channel.\n',
    );
    return 1;
  } finally {
    db.close();
  }
}

function parseHead(text: string): AuditHead | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2] ?? '' } : null;
}
