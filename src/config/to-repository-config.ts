import type { DeployStage } from '../core/types.ts';
import { DEFAULT_CANARY_METRICS } from './default-canary-metrics.ts';
import { DEFAULT_BLOCK_AT, DEFAULT_GATE_NAME, DEFAULT_GATE_PHASE, type RawGate } from './gate-schema.ts';
import { toModelEndpointConfig } from './model-endpoint-schema.ts';
import type { RawRepository } from './repository-schema.ts';
import { toVerificationConfig } from './to-verification-config.ts';
import type { DeployScriptConfig, GateConfig, GroupConfig, RepositoryConfig } from './types.ts';

/** The deployment environment a stage reports to GitHub when none is written. */
const DEFAULT_ENVIRONMENT: Readonly<Record<DeployStage, string>> = {
  staging: 'staging',
  canary: 'canary',
  production: 'production',
  rollback: 'production',
};

/**
 * Maps one schema-checked repository to its configuration. Cross-field checks have passed, so
 * every referenced group exists and every gate has what its kind needs.
 */
export function toRepositoryConfig(
  repo: RawRepository,
  groups: readonly GroupConfig[],
  hasPrometheus: boolean,
): RepositoryConfig {
  const deploy = (stage: DeployStage): DeployScriptConfig => {
    const script = repo.deploy[stage];
    return {
      stage,
      command: script.command,
      timeoutMs: script.timeout,
      environment: script.environment ?? DEFAULT_ENVIRONMENT[stage],
    };
  };
  const production = deploy('production');
  const { approvals } = repo;
  const { durationMs, verification } = toVerificationConfig(repo, hasPrometheus);
  return {
    name: repo.name,
    deployChannel: repo.deploy_channel,
    alertsChannel: repo.alerts_channel ?? repo.deploy_channel,
    gates: repo.gates.map(toGateConfig),
    approvals: {
      environment: production.environment,
      required: approvals.required,
      approvers: [...new Set(approvals.approvers)],
      groups: approvals.groups.map((ref) => ({
        name: ref.name.trim(),
        members: groups.find((g) => g.name === ref.name.trim())?.members ?? [],
        quorum: ref.quorum,
      })),
      expiryMs: approvals.expiry,
      reminderMs: approvals.reminder,
    },
    deploy: { staging: deploy('staging'), canary: deploy('canary'), production, rollback: deploy('rollback') },
    canary: {
      metrics: repo.canary.metrics ?? DEFAULT_CANARY_METRICS,
      service: repo.canary.service ?? repo.name.split('/')[1] ?? repo.name,
    },
    verificationMs: durationMs,
    verification,
  };
}

function toGateConfig(gate: RawGate): GateConfig {
  const base = {
    id: gate.id,
    name:
      gate.name ?? (gate.kind === 'github_check' && gate.check_name ? gate.check_name : DEFAULT_GATE_NAME[gate.kind]),
    phase: gate.phase ?? DEFAULT_GATE_PHASE[gate.kind],
    timeoutMs: gate.timeout,
  };
  if (gate.kind === 'github_check') return { ...base, kind: gate.kind, checkName: gate.check_name ?? '' };
  const reports = { ...(gate.sarif === undefined ? {} : { sarif: gate.sarif }) };
  if (gate.kind === 'security_scanner') {
    const model = gate.model;
    return {
      ...base,
      ...reports,
      kind: gate.kind,
      blockAt: gate.block_at ?? DEFAULT_BLOCK_AT,
      ...(gate.command === undefined ? {} : { command: gate.command }),
      ...(model === undefined ? {} : { model: toModelEndpointConfig(model) }),
    };
  }
  const junit = gate.junit === undefined ? {} : { junit: gate.junit };
  return { ...base, ...reports, ...junit, kind: gate.kind, command: gate.command ?? [] };
}
