import { checkConfig } from './check-config.ts';
import { checkVerification } from './check-verification.ts';
import { configSchema } from './config-schema.ts';
import { deepFreeze } from './deep-freeze.ts';
import { dropEmptyKeys } from './drop-empty-keys.ts';
import { findSecrets } from './find-secrets.ts';
import { parsePath } from './format-path.ts';
import { mapZodIssues } from './map-zod-issues.ts';
import { parseYaml } from './parse-yaml.ts';
import { field } from './raw-access.ts';
import { readEnv } from './read-env.ts';
import { redactSecrets } from './redact-secrets.ts';
import { toConfig } from './to-config.ts';
import type { ConfigError, ConfigResult } from './types.ts';

/**
 * Parses the text of shiplock.yml and the environment into one validated, fully defaulted, deeply
 * frozen configuration, or returns every problem found, each with its path (`gates[2].command`) and
 * line. Never throws on any input. Secrets are taken only from `env`; one written into the file is
 * an error that names the variable it belongs in and never repeats the value.
 */
export function parseConfig(text: string, env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const settings = readEnv(env);
  const yaml = parseYaml(text);
  if (!yaml.ok) return { ok: false, errors: [...yaml.errors, ...settings.errors] };
  if (yaml.value === null || yaml.value === undefined) {
    const empty = {
      path: '(root)',
      message: 'the file is empty: it must at least list repositories (see shiplock.example.yml)',
    };
    return { ok: false, errors: [empty, ...settings.errors] };
  }
  const secrets = findSecrets(yaml.value);
  const flagged = new Set(secrets.map((e) => e.path));
  const parsed = configSchema.safeParse(dropEmptyKeys(yaml.value));
  const found = [
    ...(parsed.success ? [] : mapZodIssues(parsed.error.issues, yaml.value, configSchema)),
    ...checkConfig(yaml.value),
    ...checkVerification(yaml.value, hasPrometheus(yaml.value, settings.prometheusUrl)),
  ].filter((e) => !flagged.has(e.path));
  const located = [...secrets, ...found].map((e) => withLine(e, yaml.lineOf(parsePath(e.path))));
  const errors = unique([...sortByLine(located), ...settings.errors]);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, config: deepFreeze(toConfig(parsed.data, settings)) };
}

/** A Prometheus URL from the environment or written in the file (the schema checks that it is one). */
function hasPrometheus(raw: unknown, fromEnv: string | undefined): boolean {
  return fromEnv !== undefined || typeof field(field(raw, 'canary'), 'prometheus_url') === 'string';
}

function withLine(error: ConfigError, line: number | undefined): ConfigError {
  const message = redactSecrets(error.message);
  return line === undefined ? { path: error.path, message } : { path: error.path, message, line };
}

function sortByLine(errors: readonly ConfigError[]): ConfigError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? Number.MAX_SAFE_INTEGER) - (b.e.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ e }) => e);
}

function unique(errors: readonly ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
