import { SECRET_NAMES } from './secret-names.ts';
import type { Config, ConfigError, SecretName } from './types.ts';

/**
 * The errors for every secret in `names` that the environment does not set; empty when all are
 * there. `start` calls it with what its mode needs (for example Socket Mode needs SLACK_APP_TOKEN).
 */
export function requireSecrets(config: Config, names: readonly SecretName[]): ConfigError[] {
  return [...new Set(names)]
    .filter((name) => config.secrets[name] === undefined)
    .map((name) => ({
      path: `env.${name}`,
      message: `is not set: it holds ${SECRET_NAMES[name]}; set it in the environment (see .env.example)`,
    }));
}
