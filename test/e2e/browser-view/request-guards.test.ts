import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserView, startBrowserView } from '../../../src/sandbox/browser-view/index.ts';
import { createSlackStandIn, type SlackStandIn } from '../../../src/sandbox/slack/index.ts';

/**
 * The page can click as anyone, so the server only answers the page itself: not a page on another
 * origin in the same browser, not a rebinding DNS name.
 */
let slack: SlackStandIn;
let view: BrowserView;

beforeAll(async () => {
  slack = await createSlackStandIn();
  view = await startBrowserView({ slack });
});

afterAll(async () => {
  await view.close();
  await slack.close();
});

function call(options: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
  const url = new URL(options.path, view.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += String(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const click = JSON.stringify({ kind: 'click', user: 'U0ALICE', actionId: 'x', channel: 'C0', messageTs: '1.0' });

describe('browser view requests', () => {
  it('serves the page with a nonce-only Content-Security-Policy and listens on loopback', async () => {
    expect(view.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await call({ method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'; script-src 'nonce-[^']+'/);
    expect(page.body).toContain(`<script nonce="${/'nonce-([^']+)'/.exec(csp)?.[1]}">`);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', 'GET', '/api/state', { Host: 'evil.example' }, undefined],
    [
      'a foreign Origin',
      'POST',
      '/api/interaction',
      { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      click,
    ],
    ['a form post (no preflight)', 'POST', '/api/interaction', { 'Content-Type': 'text/plain' }, click],
  ])('refuses %s with 403', async (_name, method, path, headers, body) => {
    const answer = await call({ method, path, headers, ...(body === undefined ? {} : { body }) });
    expect(answer.status).toBe(403);
  });

  it('answers 400 with the reason for a malformed or impossible interaction', async () => {
    const json = { 'Content-Type': 'application/json' };
    expect(
      (await call({ method: 'POST', path: '/api/interaction', headers: json, body: '{"kind":"dance"}' })).status,
    ).toBe(400);
    const answer = await call({ method: 'POST', path: '/api/interaction', headers: json, body: click });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatch(/slack stand-in/);
  });
});
