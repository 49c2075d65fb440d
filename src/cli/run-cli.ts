import { auditVerify } from './audit-verify.ts';
import type { CliIo } from './cli-io.ts';
import { configCheck } from './config-check.ts';
import { logs } from './logs.ts';
import { parseArgs } from './parse-args.ts';
import { start } from './start.ts';
import { USAGE } from './usage.ts';

/** Runs one CLI command and returns the process exit code (0 ok, 1 a finding, 2 a usage error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { words, flags, problems } = parseArgs(argv);
  if (problems.length > 0) {
    io.stderr(`shiplock: ${problems.join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const configPath = flags.config ?? io.env.SHIPLOCK_CONFIG ?? 'shiplock.yml';
  const command = words.join(' ');
  const dbPath = flags.db ?? io.env.SHIPLOCK_DB ?? 'shiplock.db';
  if (words[0] === 'logs' && words.length === 2) return logs(words[1] ?? '', dbPath, io);
  switch (command) {
    case 'start':
      return start(configPath, io);
    case 'config check':
      return configCheck(configPath, io);
    case 'audit verify':
      return auditVerify(dbPath, flags['expect-head'], io);
    case 'help':
    case '':
      io.stdout(USAGE);
      return command === '' ? 2 : 0;
    default:
      io.stderr(`shiplock: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
