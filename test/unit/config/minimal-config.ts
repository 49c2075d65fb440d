import { stringify } from 'yaml';
import { parseConfig } from '../../../src/config/parse-config.ts';
import type { Config, ConfigError } from '../../../src/config/types.ts';

/** The smallest valid document: one repository, one gate, one approver who is a listed person. */
export function minimalDocument(): Record<string, unknown> {
  return {
    people: [
      { slack: 'UALICE', github: 'alice' },
      { slack: 'UBOB', github: 'bob' },
    ],
    repositories: [
      {
        name: 'acme/api',
        deploy_channel: 'C0DEPLOYS',
        gates: [{ id: 'unit', kind: 'unit_tests', command: 'npm test' }],
        approvals: { approvers: ['UBOB'] },
        deploy: {
          staging: { command: './deploy.sh staging' },
          canary: { command: './deploy.sh canary' },
          production: { command: './deploy.sh production' },
          rollback: { command: './deploy.sh rollback' },
        },
      },
    ],
  };
}

/** A document under test: edited freely, so loosely typed on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: test documents are mutated at arbitrary paths, valid or not.
export type Doc = Record<string, any>;

/** `minimalDocument()` changed by `edit`, as YAML text. */
export function documentWith(edit: (doc: Doc) => void): string {
  const doc = minimalDocument();
  edit(doc);
  return stringify(doc);
}

/** Parses text that must be valid. */
export function validConfig(text: string, env: Record<string, string> = {}): Config {
  const result = parseConfig(text, env);
  if (!result.ok)
    throw new Error(`expected a valid config, got:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result.config;
}

/** Parses text that must be invalid and returns its errors. */
export function configErrors(text: string, env: Record<string, string> = {}): readonly ConfigError[] {
  const result = parseConfig(text, env);
  if (result.ok) throw new Error('expected configuration errors, got a valid config');
  return result.errors;
}

/** The paths of the errors, in order. */
export function pathsOf(errors: readonly ConfigError[]): string[] {
  return errors.map((e) => e.path);
}
