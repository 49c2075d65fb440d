import { isSecretName } from '../../config/secret-names.ts';

/**
 * The operator's environment minus shiplock's own secrets: what deploy scripts and the health
 * command start from (they are trusted config and usually need cloud credentials from it, but no
 * script needs shiplock's tokens).
 */
export function withoutSecrets(baseEnv: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(baseEnv)) {
    if (value !== undefined && !isSecretName(name)) env[name] = value;
  }
  return env;
}
