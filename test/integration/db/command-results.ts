import type { Command, Event, Freeze, GateOutcome } from '../../../src/core/types.ts';
import type { Random } from './seeded-random.ts';

/** A pull request the scenario drives, with its current head. */
export interface TrackedPr {
  readonly repo: string;
  readonly number: number;
  head: string;
  pushes: number;
}

/** What the fake executors see of the world. */
export interface World {
  readonly rnd: Random;
  readonly tick: () => number;
  readonly prs: readonly TrackedPr[];
}

/** The events an executor reports back after performing a command (none for render/report commands). */
export function resultsOf(command: Command, { rnd, tick, prs }: World, freeze: Freeze | null): readonly Event[] {
  const { rolloutId } = command as { rolloutId: string };
  switch (command.type) {
    case 'RunGate': {
      const status: GateOutcome['status'] = rnd.chance(0.9) ? 'passed' : rnd.pick(['failed', 'error'] as const);
      const outcome = { status, summary: `${command.gateId} ${status}`, durationMs: rnd.int(90_000) };
      const { sha, gateId, attempt } = command;
      return [
        { type: 'GateStarted', at: tick(), rolloutId, gateId, attempt },
        { type: 'GateFinished', at: tick(), rolloutId, sha, gateId, attempt, outcome },
      ];
    }
    case 'RequestAdvisoryReview':
      return [
        {
          type: 'AdvisoryReviewFinished',
          at: tick(),
          rolloutId,
          sha: command.sha,
          review: { kind: 'advisory', payload: { notes: rnd.int(5) } },
        },
      ];
    case 'StartDeploy': {
      const { stage, epoch } = command;
      const started: Event = { type: 'DeployStarted', at: tick(), rolloutId, stage, epoch };
      if (rnd.chance(0.02)) return [started, { type: 'DeployOutcomeUnknown', at: tick(), rolloutId, stage, epoch }];
      return [
        started,
        { type: 'DeployFinished', at: tick(), rolloutId, stage, epoch, ok: rnd.chance(0.95), summary: 'exit 0' },
      ];
    }
    case 'JudgeCanary': {
      const verdict = rnd.chance(0.88) ? 'healthy' : rnd.pick(['unhealthy', 'inconclusive'] as const);
      return [
        {
          type: 'CanaryJudged',
          at: tick(),
          rolloutId,
          sha: command.sha,
          look: command.look,
          verdict,
          summary: verdict,
        },
      ];
    }
    case 'RunPreflight': {
      const head = prs.find((p) => command.sha.startsWith(p.number.toString(16).padStart(8, '0')))?.head ?? command.sha;
      const windowOpen = rnd.chance(0.9);
      const facts = {
        headSha: head,
        canary: 'healthy' as const,
        freeze,
        windowOpen,
        nextWindowAt: windowOpen ? null : tick() + 3_600_000,
      };
      return [{ type: 'PreflightCompleted', at: tick(), rolloutId, facts }];
    }
    case 'RunVerification':
      return [
        {
          type: 'VerificationCompleted',
          at: tick(),
          rolloutId,
          epoch: command.epoch,
          ok: rnd.chance(0.95),
          summary: 'verified',
        },
      ];
    default:
      return [];
  }
}
