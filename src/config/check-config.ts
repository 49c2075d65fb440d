import { checkApprovals } from './check-approvals.ts';
import { checkPeople } from './check-people.ts';
import { checkRepositories } from './check-repositories.ts';
import { checkRisk } from './check-risk.ts';
import { checkSchedule } from './check-schedule.ts';
import type { ConfigError } from './types.ts';

/**
 * The rules that span fields, run on the document as written. They skip whatever has the wrong
 * shape (the schema reports that), so one run reports schema and cross-field problems together.
 */
export function checkConfig(raw: unknown): ConfigError[] {
  return [
    ...checkPeople(raw),
    ...checkRepositories(raw),
    ...checkApprovals(raw),
    ...checkSchedule(raw),
    ...checkRisk(raw),
  ];
}
