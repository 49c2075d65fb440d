/**
 * Starts the real `prometheus` binary (Debian `prometheus`, 2.42 on the CI machines) on loopback
 * for integration tests and `npm run demo`: a free port, a temporary TSDB, a config scraping the
 * given targets every second (or faster). Resolves once `/-/ready` answers and every target has been
 * scraped successfully. A missing binary fails loudly: a real-Prometheus test that skips proves
 * nothing (the demo checks `hasPrometheus` first and serves its stand-in instead). Sandbox only.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Prometheus started by `startPrometheus`. */
export interface RunningPrometheus {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Its log so far (stderr), for failure messages. */
  logs(): string;
  /** Stops it (SIGTERM, then SIGKILL after 5 s) and deletes its storage. */
  stop(): Promise<void>;
}

/** Options of `startPrometheus`. */
export interface StartPrometheusOptions {
  /** `host:port` targets of the scrape job `sample`, scraped at `/metrics`. */
  readonly targets: readonly string[];
  /** Default 1; fractions are allowed (Prometheus takes `500ms`). */
  readonly scrapeIntervalSeconds?: number;
  /** Default `prometheus` on PATH. */
  readonly binary?: string;
  /** Port to listen on (default: a free one, retried if another process takes it first). */
  readonly port?: number;
  /** How long to wait for readiness and the first scrape; default 20 s. */
  readonly startTimeoutMs?: number;
}

const MISSING = 'install prometheus (apt-get install prometheus); .ci/run installs it';

/** True when `binary` (default `prometheus` on PATH) runs. */
export function hasPrometheus(binary = 'prometheus'): boolean {
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** Starts Prometheus scraping `targets`; rejects (never skips) when it cannot. */
export async function startPrometheus(options: StartPrometheusOptions): Promise<RunningPrometheus> {
  const binary = options.binary ?? 'prometheus';
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `shiplock_prometheus_missing: cannot run \`${binary}\` (${probe.error?.message ?? probe.stderr}); ${MISSING}`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-prometheus-'));
  const interval = `${Math.round((options.scrapeIntervalSeconds ?? 1) * 1000)}ms`;
  writeFileSync(join(dir, 'prometheus.yml'), toConfig(options.targets, interval));
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    const started = launch(binary, dir, port);
    try {
      await waitUntil(deadline, started, () => isReady(started.url));
      await waitUntil(deadline, started, () => allScraped(started.url, options.targets.length));
      return {
        url: started.url,
        logs: started.logs,
        stop: async () => {
          await started.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await started.stop();
      // Another process may take the free port between our probe and Prometheus's bind.
      if (options.port === undefined && attempt < 3 && started.logs().includes('address already in use')) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
}

interface Launched extends RunningPrometheus {
  readonly child: ChildProcess;
  exited(): string | null;
}

function launch(binary: string, dir: string, port: number): Launched {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, `data-${port}`)}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=info',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  let exit: string | null = null;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-20_000);
  });
  child.on('error', (error) => {
    exit = `could not start: ${error.message}`;
  });
  const gone = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exit ??= `exited with ${signal ?? code}`;
      resolve();
    }),
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    child,
    logs: () => log,
    exited: () => exit,
    stop: async () => {
      process.off('exit', killOnExit);
      if (exit === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(join(dir, `data-${port}`), { recursive: true, force: true });
    },
  };
}

function toConfig(targets: readonly string[], interval: string): string {
  return [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: sample',
    `    scrape_interval: ${interval}`,
    `    scrape_timeout: ${interval}`,
    '    static_configs:',
    `      - targets: [${targets.map((t) => JSON.stringify(t)).join(', ')}]`,
    '',
  ].join('\n');
}

async function waitUntil(deadline: number, prometheus: Launched, check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    const exit = prometheus.exited();
    if (exit !== null) throw new Error(`shiplock_prometheus_exited: ${exit}\n${prometheus.logs().slice(-2_000)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `shiplock_prometheus_start_timeout: not ready with every target scraped\n${prometheus.logs().slice(-2_000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function isReady(url: string): Promise<boolean> {
  return (await fetch(`${url}/-/ready`)).status === 200;
}

/** True once every target has been scraped successfully (`up == 1`). */
async function allScraped(url: string, targets: number): Promise<boolean> {
  const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent('up{job="sample"} == 1')}`);
  const body = (await response.json()) as { data?: { result?: unknown[] } };
  return (body.data?.result?.length ?? 0) >= targets;
}

/** A port that was free a moment ago: Prometheus has no "port 0". */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
