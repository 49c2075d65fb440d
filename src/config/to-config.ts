import type { RawConfig } from './config-schema.ts';
import { toModelEndpointConfig } from './model-endpoint-schema.ts';
import { parseTimeOfDay } from './parse-time-of-day.ts';
import type { EnvSettings } from './read-env.ts';
import { toRepositoryConfig } from './to-repository-config.ts';
import { toRiskConfig } from './to-risk-config.ts';
import { toTimeZone } from './to-time-zone.ts';
import type { Config, DeployWindow, GroupConfig, PersonConfig, Weekday } from './types.ts';

/**
 * Maps the schema-checked document and the environment to the configuration. The environment wins
 * over the file for `database` (SHIPLOCK_DB) and the Prometheus URL (PROMETHEUS_URL).
 */
export function toConfig(raw: RawConfig, env: EnvSettings): Config {
  const groups: GroupConfig[] = raw.groups.map((g) => ({ name: g.name, members: [...new Set(g.members)] }));
  const prometheusUrl = env.prometheusUrl ?? raw.canary.prometheus_url;
  return {
    version: raw.version,
    repositories: raw.repositories.map((repo) => toRepositoryConfig(repo, groups, prometheusUrl !== undefined)),
    people: raw.people.map(
      (p): PersonConfig =>
        p.name === undefined
          ? { slack: p.slack, github: p.github }
          : { slack: p.slack, github: p.github, name: p.name },
    ),
    groups,
    timeLockMs: raw.time_lock,
    allowShortTimeLock: raw.allow_short_time_lock,
    preflightRetryMs: raw.preflight_retry,
    deployWindows: raw.deploy_windows.map(
      (w): DeployWindow => ({
        days: [...new Set<Weekday>(w.days)],
        startMinute: parseTimeOfDay(w.start) ?? 0,
        endMinute: parseTimeOfDay(w.end, true) ?? 0,
        timeZone: toTimeZone(w.time_zone) ?? w.time_zone,
      }),
    ),
    canary: {
      watchIntervalMs: raw.canary.watch_interval,
      ...(prometheusUrl === undefined ? {} : { prometheusUrl }),
      stepMs: raw.canary.step,
      ...(raw.canary.model === undefined ? {} : { model: toModelEndpointConfig(raw.canary.model) }),
    },
    advisoryReview: { enabled: raw.advisory_review.enabled, model: raw.advisory_review.model },
    risk: toRiskConfig(raw.risk),
    sandbox: raw.sandbox,
    database: env.database ?? raw.database,
    workDir: raw.work_dir,
    http: { port: raw.http.port, host: raw.http.host },
    secrets: env.secrets,
    endpoints: env.endpoints,
  };
}
