import type Database from 'better-sqlite3';
import { openDatabase } from '../../../../src/adapters/db/open-database.ts';

/** The real shiplock database (every migration, pragmas checked) in a test's temp file. */
export function openIntakeDatabase(file: string): Database.Database {
  return openDatabase(file);
}
