import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { createAlertmanagerRoute } from '../adapters/alertmanager/create-alertmanager-route.ts';
import { createLabelRolloutResolver } from '../adapters/alertmanager/create-label-rollout-resolver.ts';
import { createStoreRolloutLookups } from '../adapters/alertmanager/create-store-rollout-lookups.ts';
import { createFreezes } from '../adapters/db/create-freezes.ts';
import { createRunRecords } from '../adapters/db/create-run-records.ts';
import { createSqliteStore } from '../adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../adapters/db/open-database.ts';
import { type RunningServer, startHttpServer } from '../adapters/http/create-http-server.ts';
import { createPreflightChecker } from '../adapters/preflight/create-preflight-checker.ts';
import { createSandbox } from '../adapters/process/create-sandbox.ts';
import { toPolicy } from '../config/to-policy.ts';
import type { Config } from '../config/types.ts';
import type { Policy } from '../core/types.ts';
import { configureCrashPoints, crashPoint } from '../shell/crash-point.ts';
import { createShell, type Shell } from '../shell/create-shell.ts';
import type { Clock } from '../shell/ports.ts';
import { startScheduler } from '../shell/start-scheduler.ts';
import { buildCanaryJudge } from './build-canary-judge.ts';
import { buildGatePorts } from './build-gate-ports.ts';
import { buildGitHubApi, buildIntake, buildReporter } from './build-github-side.ts';
import { buildRiskSide } from './build-risk-side.ts';
import { buildSlackSide } from './build-slack-side.ts';
import { buildVerifier } from './build-verifier.ts';
import { createInFlight } from './create-in-flight.ts';
import { serializeReports } from './serialize-reports.ts';

/** What the bot is started from; `main.ts` reads the environment and the file. */
export interface BotOptions {
  readonly config: Config;
  /** Deploy scripts run here: the directory of shiplock.yml. */
  readonly scriptDir: string;
  /** shiplock's environment (deploy scripts inherit it minus shiplock's secrets; PATH for git). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Overrides `config.http.port` (tests use 0). */
  readonly port?: number;
}

/** The running bot. */
export interface Bot {
  /**
   * Base URL of the HTTP server (`/slack/events`, `/github/webhook`, `/alertmanager/webhook`,
   * `/healthz`, `/readyz`).
   */
  readonly url: string;
  readonly slackMode: 'socket' | 'http';
  readonly shell: Shell;
  stop(): Promise<void>;
}

/**
 * Starts shiplock: database, sandbox, Slack (token checked), GitHub intake and reconciler, the
 * shell with its timers, and the HTTP server. Anything that cannot work refuses to start with a
 * `ShiplockBootError` saying what to fix; nothing half-starts.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, logger } = options;
  configureCrashPoints(options.env);
  const clock = options.clock ?? { now: () => Date.now() };
  const sandbox = await createSandbox({ mode: config.sandbox });
  const db = openDatabase(config.database);
  crashPoint('boot.after_open');
  const stops: (() => unknown)[] = [() => db.close()];
  try {
    const freezes = createFreezes(db);
    const records = createRunRecords(db);
    const policies = new Map<string, Policy>();
    const configuredPolicy = (repo: string): Policy => {
      const known = policies.get(repo);
      if (known !== undefined) return known;
      const policy = toPolicy(config, repo);
      policies.set(repo, policy);
      return policy;
    };
    // Issue #7: the ledger rides on the store's transactions; the step-down tightens every policy.
    const risk = buildRiskSide({
      risk: config.risk,
      repositories: config.repositories,
      db,
      store: createSqliteStore(db),
      configuredPolicy,
      logger,
    });
    const { store, policyFor } = risk;
    const unsandboxed = sandbox.kind === 'none';
    const slack = await buildSlackSide({
      config,
      db,
      store,
      freezes,
      records,
      policyFor,
      clock,
      logger,
      unsandboxed,
      risk: risk.commands,
    });
    risk.connect(slack.post);
    const api = buildGitHubApi(config, logger);
    const gatePorts = buildGatePorts({
      config,
      api,
      sandbox,
      records,
      scriptDir: options.scriptDir,
      env: options.env,
      clock,
      logger,
    });
    const inFlight = createInFlight();
    const ports = inFlight.trackPorts({
      gates: gatePorts.gates,
      reviewer: gatePorts.reviewer,
      deployer: gatePorts.deployer,
      canary: buildCanaryJudge({ config, store, policyFor, clock, logger }),
      verifier: buildVerifier({ config, store, scriptDir: options.scriptDir, env: options.env, clock, logger }),
      preflight: createPreflightChecker({ api, freezeOf: freezes.get, windows: config.deployWindows, clock }),
      notifier: slack.notifier,
      freezes,
      github: serializeReports(buildReporter(api, config, store, policyFor, slack.notifier.cardUrl)),
    });
    const shell = createShell({ store, ports, clock, policyFor, logger });
    // Running gates and deploys finish and record their results before the database closes.
    stops.unshift(async () => {
      shell.stop();
      await inFlight.settled();
    });
    slack.register((event) => shell.enqueue(event));
    const intake = buildIntake({
      config,
      db,
      store,
      api,
      sink: (event) => shell.handle(event),
      onCheckCompleted: (repo, sha, name) => gatePorts.checkGate.notify(repo, sha, name),
      clock,
      logger,
      env: options.env,
    });
    stops.unshift(() => intake.close());
    const alerts = createAlertmanagerRoute({
      ...(config.secrets.ALERTMANAGER_TOKEN === undefined ? {} : { bearerToken: config.secrets.ALERTMANAGER_TOKEN }),
      resolveRollout: createLabelRolloutResolver(
        createStoreRolloutLookups({
          store,
          repoOfService: (service) => config.repositories.find((r) => r.canary.service === service)?.name ?? null,
        }),
      ),
      handle: (event) => shell.handle(event),
      clock,
      logger,
    });
    const readiness = createReadiness();
    const server = await startServer(options, slack.app.requestListener, {
      github: intake.route,
      alerts,
      ready: readiness.route,
    });
    stops.unshift(() => server.close());
    await gatePorts.sweep();
    crashPoint('boot.before_recover');
    shell.recover();
    const scheduler = startScheduler(shell);
    stops.unshift(() => scheduler.stop());
    stops.unshift(intake.start());
    await slack.app.start();
    stops.unshift(() => slack.app.stop());
    readiness.ready();
    logger.info({ url: server.url, slack: slack.app.mode, sandbox: sandbox.kind }, 'shiplock started');
    crashPoint('boot.ready');
    return { url: server.url, slackMode: slack.app.mode, shell, stop: () => runStops(stops) };
  } catch (error) {
    await runStops(stops);
    throw error;
  }
}

async function startServer(
  options: BotOptions,
  slackListener: RequestListener | null,
  listeners: { readonly github: RequestListener; readonly alerts: RequestListener; readonly ready: RequestListener },
): Promise<RunningServer> {
  const routes = {
    '/github/webhook': listeners.github,
    '/alertmanager/webhook': listeners.alerts,
    // Liveness: the process serves HTTP. Readiness is `/readyz`.
    '/healthz': ((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')) as RequestListener,
    '/readyz': listeners.ready,
    ...(slackListener === null ? {} : { '/slack/events': slackListener }),
  };
  return startHttpServer(routes, options.port ?? options.config.http.port, options.config.http.host);
}

/**
 * `/readyz`: 503 `starting` until start-up finished (the gate sweep, recovery, the timers, the
 * Slack connection), then 200 `ready`. The server listens before all that, so GitHub's deliveries
 * are stored meanwhile; `/healthz` answers 200 then too, which a readiness probe must not take for a
 * bot that is up.
 */
function createReadiness(): { readonly route: RequestListener; ready(): void } {
  let ready = false;
  return {
    route: (_req, res) => {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ready' : 'starting');
    },
    ready: () => {
      ready = true;
    },
  };
}

async function runStops(stops: readonly (() => unknown)[]): Promise<void> {
  for (const stop of stops) await stop();
}
