/**
 * Start-up and recovery with 10,000 active rollouts (issue 8). A real SQLite file is seeded with
 * 10,000 rollouts (1,000 pull requests in each of 10 repositories) through the real write path
 * (`seed-rollouts.ts`: templates recorded through the real shell, replayed through `decide` and
 * the store's commit, 250 pull requests per transaction; the audit log is then verified, so every
 * snapshot is what replaying its events gives). Phases: awaiting approval with no approval (35 %)
 * or one of two (25 %), time-locked (20 %), verifying production (20 %); each has its timers.
 *
 * Then, in a fresh child process each time, the bot starts as `npm start` starts it — the build
 * bundled as `npm run build` bundles it, run by plain node with `npm start`'s node flags (read from
 * package.json) — through what `shiplock start` calls (`startBot`: config, sandbox probe, database pragmas and migrations, Slack `auth.test` against the
 * Slack stand-in, GitHub intake and reconciler against the GitHub stand-in — which holds the same
 * 10,000 open pull requests, so the reconciler's pass at start finds nothing to do — `recover()`,
 * the scheduler, the HTTP server) until `/healthz` answers. Measured: milliseconds from the
 * process's start (its `performance.now()` origin) to ready, the parent's spawn-to-ready wall time,
 * `startBot()` alone, and the peak RSS at ready and 3 s later (after the reconciler's first pass).
 *
 * Baseline, alternating with the bot: a plain node process that opens the same file with
 * better-sqlite3 and reads and parses every snapshot. Once more at the end, for comparison: the bot
 * from the sources through tsx (what `npx shiplock` runs on a clone without a build).
 *
 * Goal: ready in ≤ 1 s, peak RSS ≤ 200 MB.
 *
 *   npx tsx bench/startup-recovery.ts      (STARTUP_BENCH_ROLLOUTS=10000 STARTUP_BENCH_RUNS=3)
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../src/adapters/db/verify-audit-log.ts';
import { parseConfig } from '../src/config/parse-config.ts';
import { toPolicy } from '../src/config/to-policy.ts';
import type { Policy } from '../src/core/types.ts';
import { createGitHubStandIn, type GitHubStandIn } from '../src/sandbox/github/index.ts';
import { createSlackStandIn } from '../src/sandbox/slack/index.ts';
import { buildForBench } from './lib/build-for-bench.ts';
import { machineLine } from './lib/machine-line.ts';
import {
  recordTemplates,
  type SeedIds,
  seedRollouts,
  type Template,
  type TemplateStep,
  TPL,
} from './lib/seed-rollouts.ts';
import { formatLine, summarize } from './lib/summarize.ts';

const ROLLOUTS = Number(process.env.STARTUP_BENCH_ROLLOUTS ?? '10000');
const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? '3');
const REPOS = Array.from({ length: 10 }, (_, i) => `acme/service-${i}`);
const PEOPLE = { alice: 'U0ALICE01', bob: 'U0BOB0001', carol: 'U0CAROL01' };
const CHANNEL = 'C0DEPLOYS1';
const GOAL_READY_MS = 1000;
const GOAL_RSS_MB = 200;
const SETTLE_MS = 3000;
const CHILD = fileURLToPath(new URL('./lib/startup-child.mjs', import.meta.url));
const BARE_CHILD = fileURLToPath(new URL('./lib/bare-startup-child.mjs', import.meta.url));
const SOURCES = fileURLToPath(new URL('../src', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

function writeConfig(dir: string): string {
  mkdirSync(join(dir, 'deploy'));
  for (const stage of ['staging', 'canary', 'production', 'rollback']) {
    writeFileSync(join(dir, 'deploy', `${stage}.sh`), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'deploy', `${stage}.sh`), 0o755);
  }
  const repo = (name: string) => `  - name: ${name}
    deploy_channel: ${CHANNEL}
    gates:
      - { id: unit, kind: unit_tests, command: sh ./test.sh, timeout: 1m }
      - { id: security, kind: security_scanner }
    approvals: { required: 2, approvers: [${PEOPLE.bob}, ${PEOPLE.carol}, ${PEOPLE.alice}] }
    verification: { duration: 1h }
    deploy:
      staging: { command: ./deploy/staging.sh, timeout: 30s }
      canary: { command: ./deploy/canary.sh, timeout: 30s }
      production: { command: ./deploy/production.sh, timeout: 30s }
      rollback: { command: ./deploy/rollback.sh, timeout: 30s }
`;
  const yaml = `version: 1
people:
  - { slack: ${PEOPLE.alice}, github: alice, name: Alice }
  - { slack: ${PEOPLE.bob}, github: bob, name: Bob }
  - { slack: ${PEOPLE.carol}, github: carol, name: Carol }
sandbox: none
# Long enough that no canary look (nor, below, a verification) falls due while start-up is
# measured: the seeded timers all lie 14 minutes or more ahead (see docs/benchmarks.md).
canary: { watch_interval: 15m }
database: ${join(dir, 'shiplock.db')}
work_dir: ${join(dir, 'work')}
repositories:
${REPOS.map(repo).join('')}`;
  writeFileSync(join(dir, 'shiplock.yml'), yaml);
  return yaml;
}

const idsOf = (i: number): SeedIds => ({
  repo: REPOS[i % REPOS.length] as string,
  number: 1 + Math.floor(i / REPOS.length),
  sha: (i + 1).toString(16).padStart(8, '0').repeat(5),
  rolloutId: `r-${(i + 1).toString(36).padStart(6, '0')}`,
});

/** Four templates through the real shell: 0 and 1 approvals, time-locked, verifying. */
async function templates(policy: Policy): Promise<Template[]> {
  const approve = (user: string): TemplateStep => ({
    name: `approved by ${user}`,
    run: (send, at) => send({ type: 'ApproveClicked', at: at(), rolloutId: TPL.rolloutId, sha: TPL.sha, user }),
  });
  // Recent: the lock and the canary's next look are still ahead when the bot starts.
  const [opened, one, locked] = await recordTemplates(policy, Date.now() - 20_000, [
    approve(PEOPLE.bob),
    approve(PEOPLE.carol),
  ]);
  // Older: the lock ran out and production deployed 30 s ago; it is being verified.
  const older = await recordTemplates(policy, Date.now() - policy.timeLockMs - 30_000, [
    approve(PEOPLE.bob),
    approve(PEOPLE.carol),
    { name: 'lock over', run: (_send, _at, advance) => advance(policy.timeLockMs) },
  ]);
  const all = [opened, one, locked, older[3]];
  for (const t of all) if (t === undefined) throw new Error('bench: a template is missing');
  return all as Template[];
}

async function seed(dir: string, policyFor: (repo: string) => Policy): Promise<Record<string, number>> {
  const policy = policyFor(REPOS[0] as string);
  const [opened, one, locked, verifying] = await templates(policy);
  const store = createSqliteStore(openDatabase(join(dir, 'shiplock.db')));
  try {
    return seedRollouts(store, {
      count: ROLLOUTS,
      idsOf,
      // 35 % no approval, 25 % one, 20 % time-locked, 20 % verifying.
      templateOf: (i) =>
        [opened, one, locked, verifying][
          [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0][i % 20] as number
        ] as Template,
      policyFor,
    });
  } finally {
    store.close();
  }
}

/**
 * Seeds the database and verifies its audit log; with `STARTUP_BENCH_SEEDED=<file>`, a file seeded
 * by an earlier run (same count) is copied instead, and a new one is kept there for the next run.
 */
async function seedOrReuse(dir: string, policyFor: (repo: string) => Policy): Promise<void> {
  const path = join(dir, 'shiplock.db');
  const kept = process.env.STARTUP_BENCH_SEEDED;
  if (kept !== undefined && existsSync(kept) && earliestTimer(kept) > Date.now() + 120_000) {
    copyFileSync(kept, path);
    copyFileSync(kept, join(dir, 'seeded.db'));
    console.log(`seeded database reused from ${kept} (${(statSync(path).size / 2 ** 20).toFixed(1)} MB)`);
    return;
  }
  let t = performance.now();
  const phases = await seed(dir, policyFor);
  console.log(`seeded ${ROLLOUTS} rollouts in ${Math.round(performance.now() - t)} ms: ${JSON.stringify(phases)}`);
  t = performance.now();
  const db = openDatabase(path);
  const audit = verifyAuditLog(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (!audit.ok) throw new Error(`bench: the seeded audit log does not verify: ${JSON.stringify(audit)}`);
  const size = (statSync(path).size / 2 ** 20).toFixed(1);
  console.log(
    `audit verify of the seeded file: ok, ${audit.count} events, ${Math.round(performance.now() - t)} ms; database ${size} MB`,
  );
  if (kept !== undefined) copyFileSync(path, kept);
  copyFileSync(path, join(dir, 'seeded.db'));
}

/** The earliest timer of a seeded file: reused only while none of its timers is near. */
function earliestTimer(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], { due: number | null }>('SELECT MIN(due_at) AS due FROM timers').get()?.due ?? 0;
  } finally {
    db.close();
  }
}

function openOnGitHub(github: GitHubStandIn): void {
  for (const repo of REPOS) github.repository(repo);
  for (let i = 0; i < ROLLOUTS; i += 1) {
    const ids = idsOf(i);
    github.openPullRequest({
      repo: ids.repo,
      number: ids.number,
      author: 'alice',
      title: 'Change: make the thing faster',
      commits: [{ sha: ids.sha, message: 'change', author: { login: 'alice' } }],
    });
  }
}

interface BotRun {
  readonly wallMs: number;
  readonly readyMs: number;
  /** `startBot()` returned (serving), from process start. */
  readonly servingMs: number;
  readonly healthz: number;
  readonly loadedMs: number;
  readonly startBotMs: number;
  readonly rssAtReady: number;
  readonly peakRss: number;
}

function runChild(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onReady: (line: string) => Promise<string | null>,
) {
  return new Promise<{ wallMs: number; lines: string[] }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args, file], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let wallMs = Number.NaN;
    let err = '';
    const lines: string[] = [];
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        lines.push(line);
        if (lines.length === 1) {
          wallMs = performance.now() - started;
          void onReady(line).then((answer) => {
            if (answer !== null) child.stdin.write(`${answer}\n`);
            else child.stdin.end();
          });
        }
      }
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`bench: ${file} exited ${code}: ${err.slice(-2000)}`));
      else resolve({ wallMs, lines });
    });
  });
}

/** The node flags `npm start` runs the build with (package.json), so the bench starts it the same way. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode((?: --\S+)*) dist\/main\.js start/.exec(start);
  if (flags === null) throw new Error(`bench: cannot find "node … dist/main.js start" in npm start: ${start}`);
  return (flags[1] ?? '').split(' ').filter((flag) => flag !== '');
}

/** One start of the bot: `modules` is the bundled build (plain node, as `npm start`) or `src` (through tsx). */
async function runBot(env: NodeJS.ProcessEnv, modules: string): Promise<BotRun> {
  // STARTUP_BENCH_CPU_PROF=<dir>: a CPU profile of each bot process, to see where start-up goes.
  const profile = process.env.STARTUP_BENCH_CPU_PROF;
  const args = [
    ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]),
    ...(modules === SOURCES ? ['--import', 'tsx'] : startFlags()),
  ];
  const { wallMs, lines } = await runChild(CHILD, args, { ...env, BENCH_MODULES: modules }, async () => {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return 'report';
  });
  const ready = JSON.parse((lines[0] ?? '').replace(/^READY /, '')) as Record<string, number>;
  const after = JSON.parse((lines.find((l) => l.startsWith('RSS ')) ?? '').replace(/^RSS /, '')) as Record<
    string,
    number
  >;
  return {
    wallMs,
    readyMs: ready.readyMs ?? Number.NaN,
    servingMs: ready.startBotMs ?? Number.NaN,
    healthz: ready.healthz ?? 0,
    loadedMs: ready.loadedMs ?? Number.NaN,
    startBotMs: (ready.startBotMs ?? Number.NaN) - (ready.startedMs ?? Number.NaN),
    rssAtReady: ready.maxRss ?? Number.NaN,
    peakRss: after.maxRss ?? Number.NaN,
  };
}

async function runBare(env: NodeJS.ProcessEnv) {
  const { wallMs, lines } = await runChild(BARE_CHILD, [], env, async () => null);
  const done = JSON.parse((lines[0] ?? '').replace(/^DONE /, '')) as Record<string, number>;
  return { wallMs, readyMs: done.readyMs ?? Number.NaN, peakRss: done.maxRss ?? Number.NaN, rollouts: done.rollouts };
}

const median = (values: readonly number[]) => summarize(values).p50;
const mb = (bytes: number) => bytes / 2 ** 20;

async function main(): Promise<number> {
  console.log(machineLine('start'));
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-startup-'));
  const slack = await createSlackStandIn({
    signingSecret: 'bench-slack-signing-secret',
    users: Object.entries(PEOPLE).map(([name, id]) => ({ id, name })),
    channels: [{ id: CHANNEL, name: 'deploys', members: Object.values(PEOPLE) }],
  });
  const github = await createGitHubStandIn({});
  let built: string | null = null;
  try {
    const yaml = writeConfig(dir);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      BENCH_DIR: dir,
      SLACK_SIGNING_SECRET: 'bench-slack-signing-secret',
      SLACK_BOT_TOKEN: slack.bot.token,
      GITHUB_WEBHOOK_SECRET: 'bench-github-webhook-secret',
      GITHUB_TOKEN: github.token,
      SLACK_API_URL: slack.apiUrl,
      GITHUB_API_URL: github.url,
    };
    const parsed = parseConfig(yaml, env);
    if (!parsed.ok) throw new Error(`bench: config: ${JSON.stringify(parsed.errors)}`);
    const policies = new Map(REPOS.map((repo) => [repo, toPolicy(parsed.config, repo)]));
    const policyFor = (repo: string) => policies.get(repo) as Policy;
    await seedOrReuse(dir, policyFor);
    openOnGitHub(github);
    const t = performance.now();
    const build = await buildForBench();
    built = build.dir;
    console.log(`bundled the bot as npm run build does (esbuild) in ${Math.round(performance.now() - t)} ms`);
    const bots: BotRun[] = [];
    const bares: Awaited<ReturnType<typeof runBare>>[] = [];
    // Every run starts from the same seeded file: a bot run writes to it (the reconciler, timers).
    // The copy is flushed to disk before the bot starts: otherwise its first commit's fsync (ext4
    // commits its journal with every dirty file in it) wrote the bench's fresh 150 MB copy, about
    // 200 ms that a bot restarting on its own database never pays.
    const fresh = (): void => {
      for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `shiplock.db${suffix}`), { force: true });
      copyFileSync(join(dir, 'seeded.db'), join(dir, 'shiplock.db'));
      const fd = openSync(join(dir, 'shiplock.db'), 'r+');
      fsyncSync(fd);
      closeSync(fd);
    };
    for (let run = 0; run < RUNS; run += 1) {
      // Alternating, so drifting machine noise lands on both alike.
      fresh();
      bots.push(await runBot(env, build.file));
      fresh();
      bares.push(await runBare(env));
    }
    fresh();
    const fromSources = await runBot(env, SOURCES);
    const pick = (f: (r: BotRun) => number) => median(bots.map(f));
    const bareReady = median(bares.map((b) => b.readyMs));
    const bareWall = median(bares.map((b) => b.wallMs));
    const bareRss = median(bares.map((b) => b.peakRss));
    const ready = pick((r) => r.readyMs);
    const peak = pick((r) => r.peakRss);
    const lines = [
      formatLine(
        `start-up to ready (/healthz), as npm start (node ${startFlags().join(' ')}), from process start`,
        ready,
        'ms',
        {
          value: ready / bareReady,
          of: 'bare',
        },
      ),
      formatLine(
        'start-up spawn to ready, wall',
        pick((r) => r.wallMs),
        'ms',
        {
          value: pick((r) => r.wallMs) / bareWall,
          of: 'bare',
        },
      ),
      formatLine(
        'startBot() returned (serving), from process start',
        pick((r) => r.servingMs),
        'ms',
      ),
      formatLine(
        'of which loading modules',
        pick((r) => r.loadedMs),
        'ms',
      ),
      formatLine(
        'of which startBot()',
        pick((r) => r.startBotMs),
        'ms',
      ),
      formatLine('peak RSS at ready', mb(pick((r) => r.rssAtReady)), 'MB'),
      formatLine(`peak RSS ${SETTLE_MS / 1000} s after ready`, mb(peak), 'MB', { value: peak / bareRss, of: 'bare' }),
      formatLine('bare open + read all snapshots, from process start', bareReady, 'ms'),
      formatLine('bare peak RSS', mb(bareRss), 'MB'),
      formatLine('through tsx from the sources (no build), from process start', fromSources.readyMs, 'ms'),
      formatLine('through tsx: loading modules', fromSources.loadedMs, 'ms'),
      formatLine('through tsx: peak RSS 3 s after ready', mb(fromSources.peakRss), 'MB'),
      `runs: ${RUNS} of each, medians; each run's /healthz: ${bots.map((r) => `${r.healthz} at ${Math.round(r.readyMs)} ms`).join(', ')}; bare read ${bares[0]?.rollouts} rollouts`,
    ];
    const healthy = bots.every((r) => r.healthz === 200) && fromSources.healthz === 200;
    const met = healthy && ready <= GOAL_READY_MS && mb(peak) <= GOAL_RSS_MB;
    lines.push(`goal (ready ≤ ${GOAL_READY_MS} ms, RSS ≤ ${GOAL_RSS_MB} MB): ${met ? 'met' : 'NOT met'} this run`);
    lines.push(machineLine('end'));
    for (const line of lines) console.log(line);
    return 0;
  } finally {
    await slack.close();
    await github.close();
    rmSync(dir, { recursive: true, force: true });
    if (built !== null) rmSync(built, { recursive: true, force: true });
  }
}

process.exitCode = await main();
