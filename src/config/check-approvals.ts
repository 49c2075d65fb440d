import { NOT_IN_PEOPLE, peopleIds } from './check-people.ts';
import { formatPath, type PathSegment } from './format-path.ts';
import { hasDistinctSeats } from './has-distinct-seats.ts';
import { SLACK_USER_ID } from './identifier-patterns.ts';
import { parseDuration } from './parse-duration.ts';
import { field, isRecord, items, text } from './raw-access.ts';
import { DEFAULT_APPROVALS } from './repository-schema.ts';
import type { ConfigError } from './types.ts';

type Report = (path: readonly PathSegment[], message: string) => void;
type Groups = ReadonlyMap<string, readonly string[]>;

/**
 * Checks each repository's production approvals against `people` and `groups`: approvers are
 * listed people, referenced groups exist (once), no quorum exceeds its group, the quorums can be met
 * by different people, `required` does not exceed the people who may approve, and the reminder
 * comes before the expiry.
 */
export function checkApprovals(raw: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  const report: Report = (path, message) => void errors.push({ path: formatPath(path), message });
  const known = peopleIds(raw);
  const groups = groupMembers(raw);
  items(field(raw, 'repositories')).forEach((repo, r) => {
    const approvals = field(repo, 'approvals') ?? {};
    if (!isRecord(repo) || !isRecord(approvals)) return;
    const at = ['repositories', r, 'approvals'] as const;
    const eligible = new Set([
      ...checkApprovers(approvals, at, known, report),
      ...checkGroups(approvals, at, groups, report),
    ]);
    const lists = [field(approvals, 'approvers'), field(approvals, 'groups')];
    if (lists.some((list) => list !== undefined && !Array.isArray(list))) return;
    const written = lists.reduce((n: number, list) => n + items(list).length, 0);
    if (written === 0) report(at, 'names nobody: production always needs a human; list approvers or groups');
    else if (eligible.size > 0) checkRequired(approvals, at, eligible.size, report);
    checkTimers(approvals, at, report);
  });
  return errors;
}

function groupMembers(raw: unknown): Groups {
  const groups = new Map<string, readonly string[]>();
  for (const group of items(field(raw, 'groups'))) {
    const name = text(field(group, 'name'))?.trim();
    const members = items(field(group, 'members')).filter((m): m is string => typeof m === 'string');
    if (name !== undefined && !groups.has(name)) groups.set(name, [...new Set(members)]);
  }
  return groups;
}

/** The approvers named directly; each must be a listed person. */
function checkApprovers(
  approvals: unknown,
  at: readonly PathSegment[],
  known: ReadonlySet<string> | null,
  report: Report,
) {
  const named: string[] = [];
  items(field(approvals, 'approvers')).forEach((user, u) => {
    if (typeof user !== 'string' || !SLACK_USER_ID.test(user)) return;
    named.push(user);
    if (known !== null && !known.has(user)) report([...at, 'approvers', u], NOT_IN_PEOPLE);
  });
  return named;
}

/** The members of the referenced groups; every quorum must be reachable by different people. */
function checkGroups(approvals: unknown, at: readonly PathSegment[], groups: Groups, report: Report): string[] {
  const named: string[] = [];
  const seats: (readonly string[])[] = [];
  const referenced = new Set<string>();
  let seatsValid = true;
  for (const [g, ref] of items(field(approvals, 'groups')).entries()) {
    const name = text(field(ref, 'name'))?.trim() ?? '';
    const members = groups.get(name);
    if (name === '') continue;
    if (members === undefined || referenced.has(name)) {
      const problem =
        members === undefined ? 'names no group: define it under groups' : 'refers to the same group twice';
      report([...at, 'groups', g, 'name'], problem);
      continue;
    }
    referenced.add(name);
    named.push(...members);
    const quorum = field(ref, 'quorum') ?? 1;
    if (typeof quorum !== 'number' || !Number.isInteger(quorum) || quorum < 1 || quorum > members.length) {
      seatsValid = false;
      if (typeof quorum === 'number' && quorum > members.length) {
        report([...at, 'groups', g, 'quorum'], `is more than the ${members.length} members of the group`);
      }
    } else for (let i = 0; i < quorum; i++) seats.push(members);
  }
  if (seatsValid && !hasDistinctSeats(seats)) {
    report([...at, 'groups'], 'the group quorums cannot all be met by different people (the groups share members)');
  }
  return named;
}

function checkRequired(approvals: unknown, at: readonly PathSegment[], eligible: number, report: Report): void {
  const required = field(approvals, 'required') ?? DEFAULT_APPROVALS.required;
  if (Number.isInteger(required) && typeof required === 'number' && required > eligible) {
    report([...at, 'required'], `is more than the ${eligible} people named as approvers and group members`);
  }
}

function checkTimers(approvals: unknown, at: readonly PathSegment[], report: Report): void {
  const expiry = parseDuration(field(approvals, 'expiry') ?? DEFAULT_APPROVALS.expiryMs / 1000);
  const reminder = parseDuration(field(approvals, 'reminder') ?? DEFAULT_APPROVALS.reminderMs / 1000);
  if (expiry !== null && reminder !== null && reminder >= expiry) {
    report([...at, 'reminder'], 'must be shorter than expiry, or the reminder never goes out');
  }
}
