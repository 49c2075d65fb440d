import { formatPath } from './format-path.ts';
import { SLACK_USER_ID } from './identifier-patterns.ts';
import { field, items, text } from './raw-access.ts';
import type { ConfigError } from './types.ts';

/** Said of a Slack id that appears in approvals or groups but not in `people`. */
export const NOT_IN_PEOPLE =
  'is not listed in people: add this person with their GitHub login, so shiplock can tell whether they wrote the change';

/** Slack ids listed in `people`; null when `people` is malformed (the schema reports it), to check nothing. */
export function peopleIds(raw: unknown): ReadonlySet<string> | null {
  const people = field(raw, 'people');
  if (people !== undefined && !Array.isArray(people)) return null;
  return new Set(items(people).flatMap((p) => text(field(p, 'slack')) ?? []));
}

/**
 * Checks `people` and `groups`: one entry per Slack user and per GitHub login (GitHub logins are
 * case-insensitive), unique group names, and every group member listed in `people`.
 */
export function checkPeople(raw: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  const people = items(field(raw, 'people'));
  errors.push(...duplicates(people, 'people', 'slack', (s) => s));
  errors.push(...duplicates(people, 'people', 'github', (s) => s.toLowerCase()));
  const groups = items(field(raw, 'groups'));
  errors.push(...duplicates(groups, 'groups', 'name', (s) => s.trim()));
  const known = peopleIds(raw);
  groups.forEach((group, g) => {
    items(field(group, 'members')).forEach((member, m) => {
      if (typeof member === 'string' && SLACK_USER_ID.test(member) && known !== null && !known.has(member)) {
        errors.push({ path: formatPath(['groups', g, 'members', m]), message: NOT_IN_PEOPLE });
      }
    });
  });
  return errors;
}

/** Errors for every entry of `list` whose `key` repeats an earlier entry's (after `normal`). */
export function duplicates(
  list: readonly unknown[],
  listPath: string,
  key: string,
  normal: (value: string) => string,
): ConfigError[] {
  const first = new Map<string, number>();
  const errors: ConfigError[] = [];
  list.forEach((entry, index) => {
    const value = text(field(entry, key));
    if (value === undefined) return;
    const seen = first.get(normal(value));
    if (seen === undefined) first.set(normal(value), index);
    else
      errors.push({
        path: `${listPath}[${index}].${key}`,
        message: `is listed twice (also ${listPath}[${seen}].${key})`,
      });
  });
  return errors;
}
