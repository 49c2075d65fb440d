import type { Severity } from '../finding.ts';
import { isPlaceholderSecret } from './is-placeholder-secret.ts';
import { redactSecret } from './redact-secret.ts';
import type { ScanRule } from './scan-rule.ts';

/** What a secret rule is made of. */
export interface SecretRuleSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  /** Matches the secret; group 1, when present, is the secret itself. Bounded quantifiers only. */
  readonly re: RegExp;
  /** Extra check on the candidate value (entropy, shape). */
  readonly accept?: (value: string) => boolean;
}

/**
 * A rule for one kind of credential: the first match on the line that is not a placeholder is
 * reported with a redacted prefix. Comments and prose are scanned too: a key there is still leaked.
 */
export function secretRule(spec: SecretRuleSpec): ScanRule {
  const { re, accept, ...rule } = spec;
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return {
    ...rule,
    test: (text) => {
      let n = 0;
      for (const m of text.matchAll(global)) {
        const value = m[1] ?? m[0];
        if (!isPlaceholderSecret(value) && (accept === undefined || accept(value)))
          return `${spec.title} (${redactSecret(value)})`;
        n += 1;
        if (n >= 20) break;
      }
      return null;
    },
  };
}
