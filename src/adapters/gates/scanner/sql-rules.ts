import { findStringLiterals, type StringLiteral } from './find-string-literals.ts';
import { isCommentLine } from './is-comment-line.ts';
import { isDocPath } from './is-doc-path.ts';
import { isDynamicArgument } from './is-dynamic-argument.ts';
import type { ScanRule } from './scan-rule.ts';

/** A string that starts a statement: SELECT…FROM, INSERT INTO, UPDATE…SET, DELETE FROM. */
const STATEMENT =
  /^\s{0,20}(?:SELECT\b[\s\S]{0,200}?\bFROM|INSERT\s{1,5}INTO|UPDATE\b[\s\S]{0,100}?\bSET|DELETE\s{1,5}FROM)\b/i;

/**
 * How a SQL string literal is being filled with values, or undefined when it is not. Checked
 * with a linear literal scan instead of one big regex, which could backtrack on hostile lines.
 */
function howBuilt(line: string, s: StringLiteral): string | undefined {
  if (!STATEMENT.test(s.body)) return undefined;
  const before = line.slice(Math.max(0, s.start - 12), s.start);
  const after = line.slice(s.end + 1, s.end + 20).trimStart();
  if (s.quote === '`') {
    // Tagged templates (sql`…`, Prisma.sql`…`) bind their values; only an untagged one is a string.
    return s.body.includes('${') && !/[\w$.\])]$/.test(before) ? 'template literal' : undefined;
  }
  if (/(?:^|[^\w])[fF][rR]?$|(?:^|[^\w])[rR][fF]$/.test(before) && s.body.includes('{')) return 'f-string';
  if (/^\+\s{0,5}[^\s"'`]/.test(after)) return 'string concatenation';
  if (/^%\s{0,5}[\w(]/.test(after)) return '% formatting';
  if (after.startsWith('.format(')) return '.format()';
  if (/(?:Sprintf|format)\(\s{0,5}$/.test(before) && /%[sv]/.test(s.body)) return 'printf formatting';
  return undefined;
}

/** SQL text built from values instead of bound parameters. */
export const SQL_RULES: ScanRule[] = [
  {
    id: 'SL-SQL-INJECTION',
    severity: 'high',
    title: 'SQL built from strings',
    description:
      'A SQL statement is built by concatenation, interpolation or formatting, so a value can change the query. Use placeholders (?, $1) or a tagged template (sql`…`) that binds parameters.',
    test: (text, path) => {
      if (isDocPath(path) || isCommentLine(text)) return null;
      const raw = /\$(?:query|execute)RawUnsafe\s{0,5}\(/.exec(text);
      if (raw !== null && isDynamicArgument(text.slice(raw.index + raw[0].length), 'first'))
        return 'SQL built from strings (Prisma $queryRawUnsafe)';
      for (const literal of findStringLiterals(text)) {
        const how = howBuilt(text, literal);
        if (how !== undefined) return `SQL built from strings (${how})`;
      }
      return null;
    },
  },
];
