import { describe, expect, it } from 'vitest';
import { toPolicy } from '../../../src/config/to-policy.ts';
import { configErrors, type Doc, documentWith, pathsOf, validConfig } from './minimal-config.ts';

const PROMETHEUS = { PROMETHEUS_URL: 'http://prometheus:9090' };
const repoWith = (edit: (repo: Doc) => void) => documentWith((d) => edit(d.repositories[0]));

describe('repositories[].verification', () => {
  it('defaults: no metrics check without Prometheus, no health command, a 5m window, a 1m command limit', () => {
    const repo = validConfig(repoWith(() => {})).repositories[0];
    expect(repo?.verification).toEqual({ metrics: false, commandTimeoutMs: 60_000 });
    expect(repo?.verificationMs).toBe(5 * 60_000);
  });

  it('runs the metrics check by default when Prometheus is configured, with a window it can judge (15m)', () => {
    const fromEnv = validConfig(
      repoWith(() => {}),
      PROMETHEUS,
    ).repositories[0];
    expect(fromEnv?.verification.metrics).toBe(true);
    expect(fromEnv?.verificationMs).toBe(15 * 60_000);
    const fromFile = validConfig(documentWith((d) => (d.canary = { prometheus_url: 'http://prom:9090' })));
    expect(fromFile.repositories[0]?.verification.metrics).toBe(true);
  });

  it('takes the duration, the checks and the command limit as written', () => {
    const config = validConfig(
      repoWith((r) => {
        r.verification = {
          duration: '20m',
          checks: { metrics: false, command: './health.sh --strict', command_timeout: '30s' },
        };
      }),
      PROMETHEUS,
    );
    const repo = config.repositories[0];
    expect(repo?.verification).toEqual({
      metrics: false,
      command: ['/bin/sh', '-c', './health.sh --strict'],
      commandTimeoutMs: 30_000,
    });
    expect(toPolicy(config, 'acme/api').verificationMs).toBe(20 * 60_000);
  });

  it('runs a command written as a list of arguments without a shell', () => {
    const repo = validConfig(
      repoWith((r) => (r.verification = { checks: { command: ['curl', '-fsS', 'http://api/health'] } })),
    ).repositories[0];
    expect(repo?.verification.command).toEqual(['curl', '-fsS', 'http://api/health']);
  });

  it('still reads verification_window, the older spelling of verification.duration', () => {
    expect(validConfig(repoWith((r) => (r.verification_window = '7m'))).repositories[0]?.verificationMs).toBe(420_000);
  });

  it.each<[string, (r: Doc) => void, string, Record<string, string>?]>([
    ['a bad duration', (r) => (r.verification = { duration: 'soon' }), 'repositories[0].verification.duration'],
    [
      'an empty command',
      (r) => (r.verification = { checks: { command: [] } }),
      'repositories[0].verification.checks.command',
    ],
    [
      'a bad command limit',
      (r) => (r.verification = { checks: { command: 'true', command_timeout: '-1m' } }),
      'repositories[0].verification.checks.command_timeout',
    ],
    [
      'metrics not a boolean',
      (r) => (r.verification = { checks: { metrics: 'yes' } }),
      'repositories[0].verification.checks.metrics',
    ],
    ['an unknown key', (r) => (r.verification = { window: '5m' }), 'repositories[0].verification.window'],
    [
      'an unknown check',
      (r) => (r.verification = { checks: { http: 'http://api' } }),
      'repositories[0].verification.checks.http',
    ],
    [
      'the metrics check without Prometheus',
      (r) => (r.verification = { checks: { metrics: true } }),
      'repositories[0].verification.checks.metrics',
    ],
    [
      'both spellings of the window',
      (r) => {
        r.verification = { duration: '5m' };
        r.verification_window = '5m';
      },
      'repositories[0].verification_window',
    ],
  ])('names the path of %s', (_name, edit, path) => {
    expect(pathsOf(configErrors(repoWith(edit)))).toContain(path);
  });

  it('says what to set when the metrics check is asked for without Prometheus', () => {
    const [error] = configErrors(repoWith((r) => (r.verification = { checks: { metrics: true } })));
    expect(error?.message).toMatch(/canary\.prometheus_url.*PROMETHEUS_URL/);
    expect(
      validConfig(
        repoWith((r) => (r.verification = { checks: { metrics: true } })),
        PROMETHEUS,
      ),
    ).toBeDefined();
  });
});
