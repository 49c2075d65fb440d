import { existsSync } from 'node:fs';
import { createRunRecords } from '../adapters/db/create-run-records.ts';
import { openDatabase } from '../adapters/db/open-database.ts';
import type { RunRecord } from '../adapters/runs/run-record.ts';
import type { CliIo } from './cli-io.ts';

/**
 * `shiplock logs ROLLOUT`: lists what ran for the rollout (gates and deploy scripts, with their
 * times and log paths) and prints each whole log. Exit 0; 1 when nothing is recorded for that
 * rollout; 2 when there is no database.
 */
export function logs(rolloutId: string, databasePath: string, io: CliIo): number {
  if (!existsSync(databasePath)) {
    io.stderr(`shiplock logs: no database at ${databasePath}. Pass --db FILE or set SHIPLOCK_DB.\n`);
    return 2;
  }
  const db = openDatabase(databasePath);
  try {
    const records = createRunRecords(db).list(rolloutId);
    if (records.length === 0) {
      io.stderr(`shiplock logs: nothing ran for rollout ${rolloutId} (unknown rollout, or no gate or deploy yet).\n`);
      return 1;
    }
    io.stdout(`rollout ${rolloutId}: ${records.length} run(s)\n`);
    for (const record of records) io.stdout(`  ${describeRecord(record)}\n`);
    for (const record of records) printLog(record, io);
    return 0;
  } finally {
    db.close();
  }
}

function describeRecord(r: RunRecord): string {
  const took = ((r.finishedAt - r.startedAt) / 1000).toFixed(1);
  const when = `${new Date(r.startedAt).toISOString()} → ${new Date(r.finishedAt).toISOString()} (${took}s)`;
  return `${r.kind} ${r.name} #${r.attempt}  ${when}  log: ${r.logPath ?? '(none kept)'}`;
}

function printLog(record: RunRecord, io: CliIo): void {
  const title = `${record.kind} ${record.name} #${record.attempt}`;
  if (record.logPath === null) {
    io.stdout(`\n===== ${title}: no log was kept; recorded details:\n${toTerminalSafe(record.details)}\n`);
    return;
  }
  let text: string;
  try {
    text = io.readFile(record.logPath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is gone' : String(error);
    io.stdout(`\n===== ${title}: cannot read ${record.logPath} (${reason})\n`);
    return;
  }
  io.stdout(`\n===== ${title}: ${record.logPath}\n${toTerminalSafe(text)}${text.endsWith('\n') ? '' : '\n'}`);
}

/**
 * Logs hold the PR code's output: escape sequences and carriage returns in it could rewrite the
 * operator's terminal or hide lines, so control characters other than newline and tab become `?`.
 */
function toTerminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/\r\n/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '?');
}
