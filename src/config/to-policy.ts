import type { Policy } from '../core/types.ts';
import { findRepository } from './find-repository.ts';
import type { Config } from './types.ts';

/**
 * The core's policy for the production environment of `repo`. Throws when `repo` is not configured:
 * the shell asks only for repositories it found with {@link findRepository}, so that is a bug.
 */
export function toPolicy(config: Config, repo: string): Policy {
  const repository = findRepository(config, repo);
  if (repository === undefined) throw new Error(`toPolicy: repository ${repo} is not configured`);
  const { approvals } = repository;
  return {
    gates: repository.gates.map(({ id, name, kind, phase }) => ({ id, name, kind, phase })),
    advisoryReview: config.advisoryReview.enabled,
    approvals: {
      required: approvals.required,
      approvers: approvals.approvers,
      groups: approvals.groups.map(({ name, members, quorum }) => ({ name, members, quorum })),
      expiryMs: approvals.expiryMs,
      reminderMs: approvals.reminderMs,
    },
    people: config.people.map(({ slack, github }) => ({ slack, github })),
    timeLockMs: config.timeLockMs,
    canaryWatchMs: config.canary.watchIntervalMs,
    verificationMs: repository.verificationMs,
    preflightRetryMs: config.preflightRetryMs,
  };
}
