import { type Config, formatConfigErrors, parseConfig } from '../config/index.ts';
import type { CliIo } from './cli-io.ts';

/** Reads and parses the config file; prints every problem and returns `null` when there are any. */
export function loadConfig(path: string, io: CliIo, command: string): Config | null {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    io.stderr(`shiplock ${command}: cannot read ${path} (${reason}).\n`);
    io.stderr('Copy shiplock.example.yml to shiplock.yml, or pass --config FILE.\n');
    return null;
  }
  const result = parseConfig(text, io.env);
  if (result.ok) return result.config;
  io.stderr(`shiplock ${command}: ${path} has ${result.errors.length} problem(s):\n`);
  io.stderr(formatConfigErrors(result.errors));
  return null;
}

/** `shiplock config check`: exit 0 with a summary when the config is valid, 1 listing every problem. */
export function configCheck(path: string, io: CliIo): number {
  const config = loadConfig(path, io, 'config check');
  if (config === null) return 1;
  const repos = config.repositories.map((r) => r.name).join(', ');
  const lock = config.timeLockMs >= 60_000 ? `${config.timeLockMs / 60_000} min` : `${config.timeLockMs / 1000} s`;
  io.stdout(`${path}: OK — ${plural(config.repositories.length, 'repository', 'repositories')} (${repos}), `);
  io.stdout(`${plural(config.people.length, 'person', 'people')}, time lock ${lock}, database ${config.database}\n`);
  return 0;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
