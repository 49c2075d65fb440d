import type {
  AdvisoryReview,
  CanaryVerdict,
  Command,
  Freeze,
  GateOutcome,
  PreflightFacts,
  Rollout,
} from '../../src/core/types.ts';
import type { Ports } from '../../src/shell/ports.ts';

/** How the fake outside world answers; change fields between steps to steer a scenario. */
export interface FakeWorld {
  gate: (gateId: string) => GateOutcome;
  review: () => AdvisoryReview;
  deployOk: (stage: string) => boolean;
  canary: () => CanaryVerdict;
  preflight: (rollout: Rollout) => PreflightFacts;
  verifyOk: () => boolean;
  /** Throw from this port kind, to test failure handling. */
  failing: ReadonlySet<string>;
}

/** Every call a port received, in order. */
export interface PortCall {
  readonly port: string;
  readonly command?: Command;
  readonly detail?: unknown;
}

/** Recording fakes of every port: answers come from `world`, calls go to `calls`. */
export function createRecordingPorts(overrides: Partial<FakeWorld> = {}): {
  ports: Ports;
  world: FakeWorld;
  calls: PortCall[];
} {
  const world: FakeWorld = {
    gate: () => ({ status: 'passed', summary: 'ok', durationMs: 3 }),
    review: () => ({ kind: 'advisory', payload: { summary: 'Looks fine.' } }),
    deployOk: () => true,
    canary: () => 'healthy',
    preflight: (r) => ({ headSha: r.pr.sha, canary: 'healthy', freeze: null, windowOpen: true, nextWindowAt: null }),
    verifyOk: () => true,
    failing: new Set(),
    ...overrides,
  };
  const calls: PortCall[] = [];
  /** What the fake freeze store holds, by repository (the real one is the `freezes` table). */
  const frozen = new Map<string, Freeze>();
  const enter = (port: string, command?: Command, detail?: unknown): void => {
    calls.push({ port, ...(command ? { command } : {}), ...(detail === undefined ? {} : { detail }) });
    if (world.failing.has(port)) throw new Error(`shiplock_fake_${port}_down`);
  };
  const ports: Ports = {
    gates: {
      run: async (c, _rollout, run) => {
        enter('gates', c, { seed: run.seed });
        return world.gate(c.gateId);
      },
    },
    reviewer: {
      review: async (r) => {
        enter('reviewer', undefined, r.id);
        return world.review();
      },
    },
    deployer: {
      deploy: async (c) => {
        enter('deployer', c);
        return { ok: world.deployOk(c.stage), summary: `${c.stage} done` };
      },
    },
    canary: {
      judge: async (c) => {
        enter('canary', c);
        return { verdict: world.canary(), summary: 'judged' };
      },
    },
    preflight: {
      check: async (r) => {
        enter('preflight', undefined, r.id);
        return world.preflight(r);
      },
    },
    verifier: {
      verify: async (c) => {
        enter('verifier', c);
        return { ok: world.verifyOk(), summary: 'verified' };
      },
    },
    notifier: {
      publishCard: async (_s, r) => enter('publishCard', undefined, { id: r.id, phase: r.phase }),
      postThread: async (_s, r, m) => enter('postThread', undefined, { id: r.id, message: m }),
      replyEphemeral: async (c) => enter('replyEphemeral', c),
      publishAlert: async (_s, r, a) =>
        enter('publishAlert', undefined, { id: r.id, alertId: a.id, status: a.status, by: a.acknowledgedBy }),
      alertRollbackFailed: async (_s, r) => enter('alertRollbackFailed', undefined, { id: r.id, phase: r.phase }),
    },
    freezes: {
      freezeUnlessFrozen: (repo, freeze) => {
        enter('freezes', undefined, { repo, freeze });
        const kept = frozen.get(repo) ?? freeze;
        frozen.set(repo, kept);
        return kept;
      },
    },
    github: { report: async (c) => enter('github', c) },
  };
  return { ports, world, calls };
}
