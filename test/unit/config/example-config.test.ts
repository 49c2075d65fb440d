import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import { DEFAULT_RISK_COMPONENTS } from '../../../src/config/default-risk-components.ts';
import { documentWith, minimalDocument, validConfig } from './minimal-config.ts';

const EXAMPLE = readFileSync(new URL('../../../shiplock.example.yml', import.meta.url), 'utf8');

describe('shiplock.example.yml', () => {
  it('parses without a single problem', () => {
    const config = validConfig(EXAMPLE);
    expect(config.repositories.map((r) => r.name)).toEqual(['acme/api']);
    expect(config.repositories[0]?.gates.map((g) => g.id)).toEqual(['lint', 'security', 'unit', 'integration', 'fuzz']);
    expect(config.deployWindows).toHaveLength(2);
  });

  it('writes out the seed risk table, so it equals the defaults', () => {
    expect(validConfig(EXAMPLE).risk.components.map(({ harmModes: _, ...c }) => c)).toEqual(
      DEFAULT_RISK_COMPONENTS.map(({ harmModes: _, ...c }) => c),
    );
  });

  it('states the defaults it writes out: dropping those keys gives the same configuration', () => {
    const full = validConfig(EXAMPLE);
    const text = EXAMPLE.replace(/^(time_lock|allow_short_time_lock|preflight_retry|sandbox|database): .*$/gm, '')
      .replace(/^ {2}(watch_interval|enabled|model|port|acceptable|warn_at): .*$/gm, '')
      .replace(/^ {6}(expiry|reminder): .*$/gm, '');
    const trimmed = validConfig(text);
    expect(trimmed.timeLockMs).toBe(full.timeLockMs);
    expect(trimmed.repositories).toEqual(full.repositories);
    expect({ ...trimmed, repositories: [] }).toEqual({ ...full, repositories: [] });
  });

  it('contains no secret-shaped value and no secret-named key', () => {
    expect(EXAMPLE).not.toMatch(/xox[abpe]-|xapp-|gh[pousr]_|github_pat_|sk-[A-Za-z0-9]{20}|PRIVATE KEY/);
  });
});

describe('defaults', () => {
  const config = validConfig(stringify(minimalDocument()));
  const repo = config.repositories[0]!;

  it('fills every top-level default', () => {
    expect(config).toMatchObject({
      version: 1,
      groups: [],
      timeLockMs: 15 * 60_000,
      allowShortTimeLock: false,
      preflightRetryMs: 60_000,
      deployWindows: [],
      canary: { watchIntervalMs: 60_000 },
      advisoryReview: { enabled: true, model: 'gpt-4.1' },
      sandbox: 'bubblewrap',
      database: './shiplock.db',
      http: { port: 3000 },
      secrets: {},
      endpoints: {},
    });
    expect(config.canary).not.toHaveProperty('prometheusUrl');
  });

  it('fills every repository default', () => {
    expect(repo.alertsChannel).toBe('C0DEPLOYS');
    expect(repo.gates).toEqual([
      {
        id: 'unit',
        name: 'Unit tests',
        kind: 'unit_tests',
        phase: 'testing',
        timeoutMs: 600_000,
        command: ['/bin/sh', '-c', 'npm test'],
      },
    ]);
    expect(repo.approvals).toEqual({
      environment: 'production',
      required: 1,
      approvers: ['UBOB'],
      groups: [],
      expiryMs: 24 * 3_600_000,
      reminderMs: 3_600_000,
    });
    expect(repo.deploy.rollback).toEqual({
      stage: 'rollback',
      command: ['/bin/sh', '-c', './deploy.sh rollback'],
      timeoutMs: 15 * 60_000,
      environment: 'production',
    });
    expect(repo.deploy.staging.environment).toBe('staging');
    expect(repo.canary.metrics).toEqual(DEFAULT_CANARY_METRICS);
    expect(repo.verificationMs).toBe(5 * 60_000);
  });

  it('has default metrics for error rate, p50/p95/p99 latency, CPU and memory, each split by track', () => {
    expect(DEFAULT_CANARY_METRICS.map((m) => m.name)).toEqual([
      'error_rate',
      'latency_p50',
      'latency_p95',
      'latency_p99',
      'cpu',
      'memory',
    ]);
    for (const metric of DEFAULT_CANARY_METRICS) expect(metric.query).toContain('{{track}}');
  });

  it('defaults the gate phase by kind: static analysis and security scanner review, the rest test', () => {
    const kinds = ['static_analysis', 'security_scanner', 'unit_tests', 'integration_tests', 'fuzz', 'github_check'];
    const gates = validConfig(
      documentWith((doc) => {
        doc.repositories[0].gates = kinds.map((kind) =>
          kind === 'github_check'
            ? { id: kind, kind, check_name: 'ci / build' }
            : { id: kind, kind, command: ['true'] },
        );
      }),
    ).repositories[0]!.gates;
    expect(gates.map((g) => [g.kind, g.phase])).toEqual([
      ['static_analysis', 'reviewing'],
      ['security_scanner', 'reviewing'],
      ['unit_tests', 'testing'],
      ['integration_tests', 'testing'],
      ['fuzz', 'testing'],
      ['github_check', 'testing'],
    ]);
    expect(gates[5]).toEqual({
      id: 'github_check',
      name: 'ci / build',
      kind: 'github_check',
      phase: 'testing',
      timeoutMs: 600_000,
      checkName: 'ci / build',
    });
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(repo.gates[0])).toBe(true);
    expect(Object.isFrozen(repo.approvals.approvers)).toBe(true);
    expect(() => {
      (repo.approvals.approvers as string[]).push('UEVE');
    }).toThrow(TypeError);
  });

  it('takes SHIPLOCK_DB and PROMETHEUS_URL over the file, and API URLs from the environment', () => {
    const text = documentWith((doc) => {
      doc.database = '/var/lib/shiplock.db';
      doc.canary = { prometheus_url: 'http://file:9090' };
    });
    expect(validConfig(text)).toMatchObject({
      database: '/var/lib/shiplock.db',
      canary: { prometheusUrl: 'http://file:9090' },
    });
    const env = {
      SHIPLOCK_DB: '/tmp/x.db',
      PROMETHEUS_URL: 'http://env:9090',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      GITHUB_API_URL: 'https://ghe.example/api/v3',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
    };
    expect(validConfig(text, env)).toMatchObject({
      database: '/tmp/x.db',
      canary: { prometheusUrl: 'http://env:9090' },
      endpoints: {
        slackApiUrl: 'http://127.0.0.1:4000/api/',
        githubApiUrl: 'https://ghe.example/api/v3',
        openaiBaseUrl: 'http://localhost:11434/v1',
      },
    });
  });
});
