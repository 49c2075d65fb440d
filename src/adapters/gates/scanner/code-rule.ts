import type { Severity } from '../finding.ts';
import { isCommentLine } from './is-comment-line.ts';
import { isDocPath } from './is-doc-path.ts';
import { isDynamicArgument } from './is-dynamic-argument.ts';
import type { ScanRule } from './scan-rule.ts';

/** One way a code rule can match, named by `label` in the finding message. */
export interface CodePattern {
  /** Without the `g` flag. Quantifiers must be bounded: the input is hostile. */
  readonly re: RegExp;
  readonly label: string;
  /**
   * When set, the text right after the match must be dynamic (see isDynamicArgument): `'first'`
   * checks the first argument only, `'all'` every argument.
   */
  readonly dynamic?: 'first' | 'all';
  /** Extra condition on the whole line, for example "mentions a password". */
  readonly when?: (text: string, path: string) => boolean;
}

/** What a code rule is made of. */
export interface CodeRuleSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly patterns: readonly CodePattern[];
}

/**
 * A rule over code (not secrets): it skips whole-line comments and prose files, and reports the
 * first pattern that matches as "title (label)".
 */
export function codeRule(spec: CodeRuleSpec): ScanRule {
  const { patterns, ...rule } = spec;
  const compiled = patterns.map((p) => ({ ...p, global: new RegExp(p.re.source, `${p.re.flags}g`) }));
  return {
    ...rule,
    test: (text, path) => {
      if (isDocPath(path) || isCommentLine(text)) return null;
      const hit = compiled.find((p) => matches(p, text, path));
      return hit === undefined ? null : `${spec.title} (${hit.label})`;
    },
  };
}

function matches(p: CodePattern & { readonly global: RegExp }, text: string, path: string): boolean {
  if (p.when !== undefined && !p.when(text, path)) return false;
  if (p.dynamic === undefined) return p.re.test(text);
  let n = 0;
  // matchAll clones the regex, so the shared `global` keeps no lastIndex between lines.
  for (const m of text.matchAll(p.global)) {
    if (isDynamicArgument(text.slice(m.index + m[0].length), p.dynamic)) return true;
    n += 1;
    if (n >= 20) break;
  }
  return false;
}
