import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiContext, GITHUB_HTML } from './api-context.ts';
import type { Caller } from './authenticate.ts';
import { CHECK_RUN_ROUTES } from './check-run-routes.ts';
import { createFailures } from './create-failures.ts';
import { createGitHubState } from './create-github-state.ts';
import { createRequestListener } from './create-request-listener.ts';
import { createSeeders } from './create-seeders.ts';
import { DEPLOYMENT_ROUTES } from './deployment-routes.ts';
import {
  DEFAULT_CLASSIC_TOKEN,
  DEFAULT_INSTALLATION_TOKEN,
  type GitHubStandIn,
  type GitHubStandInOptions,
} from './github-stand-in.ts';
import { loadTemplates } from './load-templates.ts';
import { PULL_ROUTES } from './pull-routes.ts';
import { createRateLimitRoute, type RateWindow } from './rate-limit-route.ts';
import { STATUS_ROUTES } from './status-routes.ts';
import type { RecordedCall, SeedToken } from './types.ts';

const HOUR_MS = 3_600_000;

function toCallers(tokens: readonly SeedToken[]): Map<string, Caller> {
  return new Map(
    tokens.map((token) => [
      token.token,
      { ...token, login: token.login ?? (token.kind === 'installation' ? 'shiplock[bot]' : 'octocat') },
    ]),
  );
}

/**
 * Starts a local GitHub REST stand-in on 127.0.0.1 (never 0.0.0.0) on an ephemeral port: the
 * endpoints shiplock calls, answered as GitHub's OpenAPI description says (shapes from GitHub's own
 * example payloads), paged with `link` headers, rate-limit headers on every answer, every call
 * recorded. Sandbox only.
 */
export async function createGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const clock = options.clock ?? Date.now;
  const state = createGitHubState(clock);
  const seedTokens = options.tokens ?? [
    { token: DEFAULT_INSTALLATION_TOKEN, kind: 'installation' as const },
    { token: DEFAULT_CLASSIC_TOKEN, kind: 'classic' as const },
  ];
  const windows = new Map<string, RateWindow>();
  const windowOf = (token: string): RateWindow => {
    const now = clock();
    const known = windows.get(token);
    if (known !== undefined && known.reset * 1000 > now) return known;
    const fresh = { limit: options.rateLimit ?? 5000, used: 0, reset: Math.ceil((now + HOUR_MS) / 1000) };
    windows.set(token, fresh);
    return fresh;
  };
  const calls: RecordedCall[] = [];
  const failures = createFailures();
  const holder: { context?: ApiContext } = {};
  const context = (): ApiContext => {
    if (holder.context === undefined) throw new Error('github stand-in: not listening yet');
    return holder.context;
  };
  const routes = [
    ...PULL_ROUTES,
    ...CHECK_RUN_ROUTES,
    ...STATUS_ROUTES,
    ...DEPLOYMENT_ROUTES,
    createRateLimitRoute(windowOf),
  ];
  const tokens = toCallers(seedTokens);
  const server = createServer(createRequestListener({ state, context, routes, tokens, failures, windowOf, calls }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const htmlBase = options.htmlBase ?? GITHUB_HTML;
  holder.context = {
    apiBase: url,
    htmlBase,
    templates: loadTemplates(),
    userId(login) {
      const known = state.users.get(login);
      if (known !== undefined) return known;
      const id = state.nextId();
      state.users.set(login, id);
      return id;
    },
    repoId: (fullName) => state.repository(fullName).id,
    cloneUrl: options.cloneUrl ?? ((fullName) => `${htmlBase}/${fullName}.git`),
  };
  const firstOf = (kind: SeedToken['kind']): string => seedTokens.find((token) => token.kind === kind)?.token ?? '';
  return {
    url,
    token: firstOf('installation'),
    classicToken: firstOf('classic'),
    calls,
    callsTo: (route) => calls.filter((call) => `${call.method} ${call.route}` === route),
    repository: (fullName) => state.repository(fullName),
    ...createSeeders(state),
    checkRuns: (repo, sha) =>
      state.repository(repo).checkRuns.filter((run) => sha === undefined || run.headSha === sha),
    statuses: (repo, sha) =>
      state.repository(repo).statuses.filter((status) => sha === undefined || status.sha === sha),
    deployments: (repo) => state.repository(repo).deployments,
    failNext: (route, status, failure = {}) => failures.add(route, { ...failure, status }),
    onChange: (listener) => state.onChange(listener),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
