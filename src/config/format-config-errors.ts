import type { ConfigError } from './types.ts';

/**
 * The problems as the CLI prints them: one line each, `path: message (line N)`, then where to look.
 * Empty when there are none.
 */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  if (errors.length === 0) return '';
  const lines = errors.map((e) => `${e.path}: ${e.message}${where(e)}`);
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  lines.push(
    `${count} in the configuration. Every key and its default: docs/configuration.md; a complete example: shiplock.example.yml; secrets: .env.example.`,
  );
  return lines.join('\n');
}

function where(error: ConfigError): string {
  if (error.line === undefined) return '';
  return error.column === undefined ? ` (line ${error.line})` : ` (line ${error.line}, column ${error.column})`;
}
